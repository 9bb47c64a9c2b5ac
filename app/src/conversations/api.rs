//! Server functions for conversations: comment, reply, react, and read them.
use super::model::{CommentView, CommentsPage, Reactions, ReactorsPage};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// The query fields a failed plain comment form comes back with: which form (the post's or the
/// reply's item key), what was typed, and which reply box was open.
pub const COMMENT_ON_PARAM: &str = "comment_on";
pub const COMMENT_DRAFT_PARAM: &str = "comment_draft";
pub const REPLY_TO_PARAM: &str = "reply_to";

/// Comments on the post `post_id`, or replies to its comment `reply_to`. The same idempotency
/// key never makes two comments.
#[server(endpoint = "create_comment", output = crate::api::Json)]
pub async fn create_comment(
    post_id: i64,
    #[server(default)] reply_to: Option<i64>,
    body: String,
    #[server(default)] idempotency_key: Option<String>,
) -> Result<CommentView, AppError> {
    let kept = if body.chars().count() <= 2_000 {
        body.clone()
    } else {
        String::new()
    };
    let form = reply_to
        .map(super::model::Item::comment)
        .unwrap_or(super::model::Item::post(post_id))
        .key();
    let reply = reply_to.map(|id| id.to_string()).unwrap_or_default();
    crate::api::finish(
        server::create_comment(post_id, reply_to, body, idempotency_key).await,
        &[
            (COMMENT_ON_PARAM, &form),
            (COMMENT_DRAFT_PARAM, &kept),
            (REPLY_TO_PARAM, &reply),
        ],
    )
}

/// The next page of a post's comments, after the cursor's (thread, comment).
#[server(endpoint = "post_comments", input = GetUrl, output = crate::api::Json)]
pub async fn post_comments(
    post_id: i64,
    after_thread: i64,
    after_id: i64,
) -> Result<CommentsPage, AppError> {
    let (state, scope) = (crate::api::state()?, crate::api::read_scope()?);
    super::reads::comments_after(
        &state.db,
        &scope,
        post_id,
        super::model::CommentsCursor {
            thread_id: after_thread,
            id: after_id,
        },
    )
    .await?
    .ok_or(AppError::NotFound)
}

/// Reacts to an item (`post-12`, `comment-34`) with a kind (`like`, ...), or takes the
/// reaction back (empty). Says what the item's reactions are now. Asking for what is already
/// so changes nothing, so a retried request never counts twice.
#[server(endpoint = "set_reaction", output = crate::api::Json)]
pub async fn set_reaction(item: String, reaction: String) -> Result<Reactions, AppError> {
    // A plain form's failure shows by the item: the post's comment box, or the comment's reply box.
    let reply = item
        .strip_prefix("comment-")
        .map(str::to_string)
        .unwrap_or_default();
    crate::api::finish(
        server::set_reaction(item.clone(), reaction).await,
        &[(COMMENT_ON_PARAM, &item), (REPLY_TO_PARAM, &reply)],
    )
}

/// Who reacted to an item, newest first.
#[server(endpoint = "reactors", input = GetUrl, output = crate::api::Json)]
pub async fn reactors(
    item: String,
    #[server(default)] before: Option<i64>,
) -> Result<ReactorsPage, AppError> {
    server::reactors(item, before).await
}

#[cfg(feature = "ssr")]
mod server {
    use crate::api::{read_scope, require_viewer, state};
    use crate::auth::rate_limit;
    use crate::conversations::{model, store};
    use crate::error::AppError;
    use crate::{events, policy::Audience};

    pub async fn create_comment(
        post_id: i64,
        reply_to: Option<i64>,
        body: String,
        idempotency_key: Option<String>,
    ) -> Result<model::CommentView, AppError> {
        let (viewer, scope, state) = (require_viewer()?, read_scope()?, state()?);
        let body = model::parse_comment(&body)?;
        let key = crate::posts::model::parse_idempotency_key(idempotency_key)?;
        let (audience, post_author) =
            crate::posts::store::audience_and_author(&state.db, &scope, post_id)
                .await?
                .ok_or(AppError::NotFound)?;
        crate::groups::api::may_take_part(&state, &viewer, audience).await?;
        let parent = match reply_to {
            None => None,
            Some(id) => {
                let place = store::comment_place(&state.db, &scope, id)
                    .await?
                    .ok_or(AppError::NotFound)?;
                if place.post_id != post_id {
                    return Err(AppError::invalid(model::REPLY_ELSEWHERE));
                }
                Some((id, place.thread_id, place.author_id))
            }
        };
        rate_limit::per_person(&state.limiter, rate_limit::COMMENTS_PER_PERSON, viewer.id)?;
        let rendered = crate::people::mentions::render(&state.db, &body).await?;
        let body_html = rendered.html;
        let mut tx = crate::db::begin_write(&state.db).await?;
        // The event's number first: the count it carries is then the newest.
        let seq = events::store::reserve(&mut tx).await?;
        let new = store::NewComment {
            post_id,
            parent: parent.map(|(id, thread, _)| (id, thread)),
            author_id: viewer.id,
            audience,
            body_md: &body,
            body_html: &body_html,
            idempotency_key: key.as_deref(),
        };
        let (comment, created) = store::create_comment(&mut tx, new).await?;
        if !created {
            // A retry: the comment exists, and nothing happened (the number is given back).
            tx.rollback().await?;
            return Ok(comment);
        }
        let item = model::Item::post(post_id);
        let comment_count = store::add_to_count(&mut tx, item, store::COMMENTS, 1).await?;
        let event = model::CommentCreated {
            comment: comment.clone(),
            comment_count,
        };
        events::store::write(&mut tx, seq, &event, audience, viewer.id).await?;
        let told = Told {
            post_author,
            parent_author: parent.map(|(_, _, author)| author),
            mentioned: rendered.mentioned,
        };
        told.about(&mut tx, &comment, audience).await?;
        tx.commit().await?;
        state.events.written();
        Ok(comment)
    }

    /// Who hears of a new comment: the author of the comment it replies to, the post's author,
    /// and the people it mentions, each once.
    struct Told {
        post_author: i64,
        parent_author: Option<i64>,
        mentioned: Vec<i64>,
    }

    impl Told {
        async fn about(
            self,
            conn: &mut sqlx::AnyConnection,
            comment: &model::CommentView,
            audience: Audience,
        ) -> Result<(), sqlx::Error> {
            use crate::notifications::{api::tell, model::NoticeKind, store::NewNotice};
            let mut people = Vec::new();
            people.extend(self.parent_author.map(|person| (person, NoticeKind::Reply)));
            people.push((self.post_author, NoticeKind::Comment));
            people.extend(self.mentioned.iter().map(|&p| (p, NoticeKind::Mention)));
            let mut told = Vec::new();
            for (person_id, kind) in people {
                if told.contains(&person_id) {
                    continue;
                }
                told.push(person_id);
                let notice = NewNotice {
                    person_id,
                    kind,
                    actor_id: comment.author_id,
                    item: Some(model::Item::comment(comment.id)),
                    post_id: Some(comment.post_id),
                    audience,
                    group_id: None,
                    detail: None,
                };
                tell(conn, notice).await?;
            }
            Ok(())
        }
    }

    /// Whom an item is for, the post it is or belongs to, and its author, if `scope` may see it.
    async fn place(
        db: &crate::db::Db,
        scope: &crate::policy::ReadScope,
        item: model::Item,
    ) -> Result<(Audience, i64, i64), AppError> {
        let found = match item.kind {
            model::ItemKind::Post => crate::posts::store::audience_and_author(db, scope, item.id)
                .await?
                .map(|(audience, author)| (audience, item.id, author)),
            model::ItemKind::Comment => store::comment_place(db, scope, item.id)
                .await?
                .map(|place| (place.audience, place.post_id, place.author_id)),
        };
        found.ok_or(AppError::NotFound)
    }

    pub async fn set_reaction(
        item: String,
        reaction: String,
    ) -> Result<model::Reactions, AppError> {
        let (viewer, scope, state) = (require_viewer()?, read_scope()?, state()?);
        let item = model::Item::parse(&item)?;
        let now = model::parse_reaction(&reaction)?;
        let (audience, post_id, author_id) = place(&state.db, &scope, item).await?;
        rate_limit::per_person(&state.limiter, rate_limit::REACTIONS_PER_PERSON, viewer.id)?;
        let mut tx = crate::db::begin_write(&state.db).await?;
        // The event's number first: no other change to the counts can come between the counts
        // read below and this event, so the last event always carries the newest counts.
        let seq = events::store::reserve(&mut tx).await?;
        let before = store::reaction(&mut tx, item, viewer.id).await?;
        if before == now {
            tx.rollback().await?;
            let counts = store::counts(&state.db, &[item]).await?;
            let counts = counts.get(&item).map(|c| c.1).unwrap_or_default();
            return Ok(model::Reactions { counts, mine: now });
        }
        let counts = store::set_reaction(&mut tx, item, viewer.id, before, now).await?;
        let event = model::ReactionsChanged {
            item,
            post_id,
            counts,
            person_id: viewer.id,
            now,
        };
        events::store::write(&mut tx, seq, &event, audience, viewer.id).await?;
        if before.is_none() && now.is_some() {
            let notice = crate::notifications::store::NewNotice {
                person_id: author_id,
                kind: crate::notifications::model::NoticeKind::Reaction,
                actor_id: viewer.id,
                item: Some(item),
                post_id: Some(post_id),
                audience,
                group_id: None,
                detail: None,
            };
            crate::notifications::api::tell(&mut tx, notice).await?;
        }
        tx.commit().await?;
        state.events.written();
        Ok(model::Reactions { counts, mine: now })
    }

    pub async fn reactors(
        item: String,
        before: Option<i64>,
    ) -> Result<model::ReactorsPage, AppError> {
        let (scope, state) = (read_scope()?, state()?);
        let item = model::Item::parse(&item)?;
        let (_, post_id, _) = place(&state.db, &scope, item).await?;
        let (people, next) = store::reactors(&state.db, item, before).await?;
        let counts = store::counts(&state.db, &[item]).await?;
        Ok(model::ReactorsPage {
            item,
            post_id,
            counts: counts.get(&item).map(|c| c.1).unwrap_or_default(),
            people,
            next,
        })
    }
}
