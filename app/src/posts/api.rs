//! Server functions for posts.
use super::model::{FeedPage, PostView};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// A page of the home feed, newest first, before the cursor `before`.
#[server(endpoint = "home_feed", input = GetUrl, output = crate::api::Json)]
pub async fn home_feed(#[server(default)] before: Option<i64>) -> Result<FeedPage, AppError> {
    let (state, scope) = (crate::api::state()?, crate::api::read_scope()?);
    let page = super::store::feed_page(&state.db, &scope, before).await?;
    Ok(with_conversations(&state.db, &scope, page).await?)
}

/// A page of the home feed's "Following" view: posts by the people the viewer follows, and
/// their own.
#[server(endpoint = "following_feed", input = GetUrl, output = crate::api::Json)]
pub async fn following_feed(#[server(default)] before: Option<i64>) -> Result<FeedPage, AppError> {
    let (state, viewer) = (crate::api::state()?, crate::api::require_viewer()?);
    let scope = crate::api::read_scope()?;
    let page = super::store::following_page(&state.db, &scope, viewer.id, before).await?;
    Ok(with_conversations(&state.db, &scope, page).await?)
}

/// One post with its conversation as its own page shows it: the page of comments after the
/// cursor (thread, comment), from the first without one.
#[server(endpoint = "get_post", input = GetUrl, output = crate::api::Json)]
pub async fn get_post(
    id: i64,
    #[server(default)] after_thread: Option<i64>,
    #[server(default)] after_id: Option<i64>,
) -> Result<PostView, AppError> {
    server::get_post(id, after_thread, after_id).await
}

/// Publishes a post written in Markdown to `audience` ("everyone", or the id of a group of
/// the author's): an update, or (`kind`) a discussion or a question with a `title`. The same
/// idempotency key never makes two posts.
#[server(endpoint = "create_post", output = crate::api::Json)]
pub async fn create_post(
    body: String,
    #[server(default)] audience: Option<String>,
    #[server(default)] kind: Option<String>,
    #[server(default)] title: String,
    #[server(default)] idempotency_key: Option<String>,
) -> Result<PostView, AppError> {
    let kept = |text: &str, most: usize| {
        if text.chars().count() <= most {
            text.to_string()
        } else {
            String::new()
        }
    };
    let (kept_body, kept_title) = (kept(&body, 2_000), kept(&title, 300));
    let kept_audience = audience.clone().unwrap_or_default();
    let kept_kind = kept(kind.as_deref().unwrap_or_default(), 20);
    let new = server::Writing {
        body,
        audience,
        kind,
        title,
    };
    crate::api::finish(
        server::create_post(new, idempotency_key).await,
        &[
            ("draft", &kept_body),
            ("audience", &kept_audience),
            ("kind", &kept_kind),
            ("title", &kept_title),
        ],
    )
}

#[cfg(feature = "ssr")]
pub use server::{publish, with_conversations, Post};

#[cfg(feature = "ssr")]
mod server {
    use crate::api::{read_scope, require_viewer, state};
    use crate::error::AppError;
    use crate::posts::{model, store};
    use crate::state::AppState;
    use crate::{auth::rate_limit, events, policy, policy::Audience};

    /// What a person wrote in the composer, before it is checked.
    pub struct Writing {
        pub body: String,
        pub audience: Option<String>,
        pub kind: Option<String>,
        pub title: String,
    }

    pub async fn create_post(
        new: Writing,
        idempotency_key: Option<String>,
    ) -> Result<model::PostView, AppError> {
        let viewer = require_viewer()?;
        if !policy::can_post(Some(&viewer)) {
            return Err(AppError::forbidden(model::CANNOT_POST));
        }
        let kind = model::parse_kind(new.kind.as_deref())?;
        let title = model::parse_title(kind, &new.title)?;
        let body = model::parse_body(&new.body)?;
        let key = model::parse_idempotency_key(idempotency_key)?;
        let state = state()?;
        let audience =
            crate::groups::api::audience_for_post(&state, &viewer, new.audience.as_deref()).await?;
        rate_limit::per_person(&state.limiter, rate_limit::POST_PER_PERSON, viewer.id)?;
        let post = Post {
            body_md: &body,
            audience,
            kind,
            title: title.as_deref(),
        };
        publish(&state, viewer.id, post, key.as_deref()).await
    }

    pub async fn get_post(
        id: i64,
        after_thread: Option<i64>,
        after_id: Option<i64>,
    ) -> Result<model::PostView, AppError> {
        let (viewer, scope, state) = (require_viewer()?, read_scope()?, state()?);
        let mut post = store::post(&state.db, &scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let after = after_thread
            .zip(after_id)
            .map(|(thread_id, id)| crate::conversations::model::CommentsCursor { thread_id, id });
        let conversation = crate::conversations::reads::for_post(&state.db, &scope, id, after);
        post.conversation = conversation.await?;
        post.conversation.answering =
            crate::questions::api::answering(&state, &viewer, &post).await?;
        let posts = std::slice::from_mut(&mut post);
        crate::conversations::reads::with_accepted(&state.db, &scope, posts).await?;
        Ok(post)
    }

    /// A feed page with each card's conversation (reactions, comment count, latest comments).
    pub async fn with_conversations(
        db: &crate::db::Db,
        scope: &crate::policy::ReadScope,
        mut page: model::FeedPage,
    ) -> Result<model::FeedPage, sqlx::Error> {
        let ids: Vec<i64> = page.posts.iter().map(|p| p.id).collect();
        let mut found =
            crate::conversations::reads::for_cards(db, scope, &ids, page.live_after).await?;
        for post in &mut page.posts {
            if let Some(conversation) = found.remove(&post.id) {
                post.conversation = conversation;
            }
        }
        crate::conversations::reads::with_accepted(db, scope, &mut page.posts).await?;
        Ok(page)
    }

    /// A post checked and ready to publish.
    #[derive(Debug, Clone, Copy)]
    pub struct Post<'a> {
        pub body_md: &'a str,
        pub audience: Audience,
        pub kind: model::PostKind,
        pub title: Option<&'a str>,
    }

    impl<'a> Post<'a> {
        /// An update to `audience`.
        pub fn update(body_md: &'a str, audience: Audience) -> Post<'a> {
            Post {
                body_md,
                audience,
                kind: model::PostKind::Update,
                title: None,
            }
        }
    }

    /// Stores a post and its event in one transaction, then wakes the live streams. Also how
    /// tests make posts, so they are made the one way the app makes them.
    pub async fn publish(
        state: &AppState,
        author_id: i64,
        post: Post<'_>,
        idempotency_key: Option<&str>,
    ) -> Result<model::PostView, AppError> {
        let Post {
            body_md,
            audience,
            kind,
            title,
        } = post;
        let rendered = crate::people::mentions::render(&state.db, body_md).await?;
        let new = store::NewPost {
            author_id,
            body_md,
            body_html: &rendered.html,
            audience,
            kind,
            title,
            idempotency_key,
        };
        let mut tx = crate::db::begin_write(&state.db).await?;
        let (mut post, created) = store::create_post(&mut tx, new).await?;
        if created {
            if kind == model::PostKind::Question {
                crate::questions::store::ask(&mut tx, post.id).await?;
            }
            post.topics = crate::ui::markdown::topics(body_md);
            crate::topics::store::tag(&mut tx, post.id, &post.topics).await?;
            let event = model::PostCreated(post.clone());
            events::store::append(&mut tx, &event, audience, author_id).await?;
            for person_id in rendered.mentioned {
                let notice = crate::notifications::store::NewNotice {
                    person_id,
                    kind: crate::notifications::model::NoticeKind::Mention,
                    actor_id: author_id,
                    item: Some(crate::conversations::model::Item::post(post.id)),
                    post_id: Some(post.id),
                    audience,
                    group_id: None,
                    detail: None,
                };
                crate::notifications::api::tell(&mut tx, notice).await?;
            }
        }
        tx.commit().await?;
        if created {
            state.events.written();
        }
        Ok(post)
    }
}
