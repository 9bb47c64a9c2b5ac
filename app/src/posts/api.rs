//! Server functions for posts.
use super::model::{FeedPage, PostView};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// A page of the home feed, newest first, before the cursor `before`.
#[server(endpoint = "home_feed", input = GetUrl)]
pub async fn home_feed(#[server(default)] before: Option<i64>) -> Result<FeedPage, AppError> {
    let viewer = crate::api::require_viewer()?;
    if !crate::auth::policy::can_read(Some(&viewer)) {
        return Err(AppError::SignInRequired);
    }
    let mut page = super::store::feed_page(&crate::api::state().db, before).await?;
    page.posts
        .retain(|p| crate::auth::policy::can_see_post(Some(&viewer), p.author_id));
    Ok(page)
}

#[server(endpoint = "get_post", input = GetUrl)]
pub async fn get_post(id: i64) -> Result<PostView, AppError> {
    let viewer = crate::api::require_viewer()?;
    let post = super::store::post(&crate::api::state().db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !crate::auth::policy::can_see_post(Some(&viewer), post.author_id) {
        return Err(AppError::NotFound);
    }
    Ok(post)
}

/// Publishes an update written in Markdown. The same idempotency key never makes two posts.
#[server(endpoint = "create_post")]
pub async fn create_post(
    body: String,
    #[server(default)] idempotency_key: Option<String>,
) -> Result<PostView, AppError> {
    let kept = if body.chars().count() <= 2_000 {
        body.clone()
    } else {
        String::new()
    };
    crate::api::finish(
        server::create_post(body, idempotency_key).await,
        &[("draft", &kept)],
    )
}

#[cfg(feature = "ssr")]
mod server {
    use crate::api::{require_viewer, state};
    use crate::auth::{policy, rate_limit};
    use crate::error::AppError;
    use crate::live::LiveEvent;
    use crate::posts::{model, store};

    pub async fn create_post(
        body: String,
        idempotency_key: Option<String>,
    ) -> Result<model::PostView, AppError> {
        let viewer = require_viewer()?;
        if !policy::can_post(Some(&viewer)) {
            return Err(AppError::Forbidden("You cannot post here.".into()));
        }
        let body = model::parse_body(&body)?;
        let state = state();
        if !state
            .limiter
            .allow(rate_limit::POST_PER_PERSON, &viewer.id.to_string())
        {
            return Err(AppError::RateLimited);
        }
        let html = crate::ui::markdown::render(&body);
        let key = model::parse_idempotency_key(idempotency_key);
        let (post, created) =
            store::create_post(&state.db, viewer.id, &body, &html, key.as_deref()).await?;
        if created {
            state.bus.publish(LiveEvent::PostCreated(post.clone()));
        }
        Ok(post)
    }
}
