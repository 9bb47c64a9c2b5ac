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
    let (state, scope) = (crate::api::state()?, crate::api::read_scope()?);
    let mut post = super::store::post(&state.db, &scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let after = after_thread
        .zip(after_id)
        .map(|(thread_id, id)| crate::conversations::model::CommentsCursor { thread_id, id });
    post.conversation = crate::conversations::reads::for_post(&state.db, &scope, id, after).await?;
    Ok(post)
}

/// Publishes an update written in Markdown to `audience` ("everyone", or the id of a group of
/// the author's). The same idempotency key never makes two posts.
#[server(endpoint = "create_post", output = crate::api::Json)]
pub async fn create_post(
    body: String,
    #[server(default)] audience: Option<String>,
    #[server(default)] idempotency_key: Option<String>,
) -> Result<PostView, AppError> {
    let kept = if body.chars().count() <= 2_000 {
        body.clone()
    } else {
        String::new()
    };
    let kept_audience = audience.clone().unwrap_or_default();
    crate::api::finish(
        server::create_post(body, audience, idempotency_key).await,
        &[("draft", &kept), ("audience", &kept_audience)],
    )
}

#[cfg(feature = "ssr")]
pub use server::{publish, with_conversations};

#[cfg(feature = "ssr")]
mod server {
    use crate::api::{require_viewer, state};
    use crate::error::AppError;
    use crate::posts::{model, store};
    use crate::state::AppState;
    use crate::{auth::rate_limit, events, policy, policy::Audience};

    pub async fn create_post(
        body: String,
        audience: Option<String>,
        idempotency_key: Option<String>,
    ) -> Result<model::PostView, AppError> {
        let viewer = require_viewer()?;
        if !policy::can_post(Some(&viewer)) {
            return Err(AppError::forbidden(model::CANNOT_POST));
        }
        let body = model::parse_body(&body)?;
        let key = model::parse_idempotency_key(idempotency_key)?;
        let state = state()?;
        let audience =
            crate::groups::api::audience_for_post(&state, &viewer, audience.as_deref()).await?;
        rate_limit::per_person(&state.limiter, rate_limit::POST_PER_PERSON, viewer.id)?;
        publish(&state, viewer.id, &body, audience, key.as_deref()).await
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
        Ok(page)
    }

    /// Stores a post and its event in one transaction, then wakes the live streams. Also how
    /// tests make posts, so they are made the one way the app makes them.
    pub async fn publish(
        state: &AppState,
        author_id: i64,
        body_md: &str,
        audience: Audience,
        idempotency_key: Option<&str>,
    ) -> Result<model::PostView, AppError> {
        let rendered = crate::people::mentions::render(&state.db, body_md).await?;
        let new = store::NewPost {
            author_id,
            body_md,
            body_html: &rendered.html,
            audience,
            idempotency_key,
        };
        let mut tx = crate::db::begin_write(&state.db).await?;
        let (mut post, created) = store::create_post(&mut tx, new).await?;
        if created {
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
