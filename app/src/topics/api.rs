//! Server functions for topics.
use super::model::{TopicFollow, TopicSummary, TopicView};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// The topic `name`'s page: its posts before the cursor `before`, newest first, and who writes
/// about it. A name no post could have is not found.
#[server(endpoint = "topic", input = GetUrl, output = crate::api::Json)]
pub async fn topic(
    name: String,
    #[server(default)] before: Option<i64>,
) -> Result<TopicView, AppError> {
    server::topic(name, before).await
}

/// The topics of the last [`super::model::ACTIVE_DAYS`] days, most posts first.
#[server(endpoint = "active_topics", input = GetUrl, output = crate::api::Json)]
pub async fn active_topics() -> Result<Vec<TopicSummary>, AppError> {
    server::active().await
}

/// Follows (`follow` true) or stops following the topic `name`; answers with what its page
/// now says.
#[server(endpoint = "set_following_topic", output = crate::api::Json)]
pub async fn set_following_topic(name: String, follow: bool) -> Result<TopicFollow, AppError> {
    crate::api::finish(server::set_following(name, follow).await, &[])
}

#[cfg(feature = "ssr")]
mod server {
    use super::super::{model, store};
    use crate::api::{read_scope, require_viewer, state};
    use crate::auth::rate_limit;
    use crate::error::AppError;

    /// `raw` as a topic's name (lowercased), if `#raw` in a post would name a topic.
    fn parse_name(raw: &str) -> Result<String, AppError> {
        let name = raw.to_ascii_lowercase();
        let named = crate::ui::markdown::topics(&format!("#{name}"));
        match named.first() {
            Some(found) if *found == name => Ok(name),
            _ => Err(AppError::NotFound),
        }
    }

    pub async fn topic(name: String, before: Option<i64>) -> Result<model::TopicView, AppError> {
        let (viewer, scope, state) = (require_viewer()?, read_scope()?, state()?);
        let name = parse_name(&name)?;
        let posts = store::posts_page(&state.db, &scope, &name, before).await?;
        let posts = crate::posts::api::with_conversations(&state.db, &scope, posts).await?;
        let (writers, top_writers) = store::writers(&state.db, &scope, &name).await?;
        let follow = store::follow_state(&state.db, viewer.id, &name).await?;
        Ok(model::TopicView {
            name,
            posts,
            writers,
            top_writers,
            follow,
        })
    }

    pub async fn active() -> Result<Vec<model::TopicSummary>, AppError> {
        let (scope, state) = (read_scope()?, state()?);
        let since = crate::db::now_ms() - model::ACTIVE_DAYS * 24 * 60 * 60 * 1000;
        let since_id = crate::db::id_at(since, 0);
        Ok(store::active(&state.db, &scope, since_id, model::INDEX_SIZE).await?)
    }

    pub async fn set_following(name: String, follow: bool) -> Result<model::TopicFollow, AppError> {
        let (viewer, state) = (require_viewer()?, state()?);
        read_scope()?;
        let name = parse_name(&name)?;
        rate_limit::per_person(&state.limiter, rate_limit::FOLLOWS_PER_PERSON, viewer.id)?;
        let mut tx = crate::db::begin_write(&state.db).await?;
        store::set_following(&mut tx, viewer.id, &name, follow).await?;
        tx.commit().await?;
        Ok(store::follow_state(&state.db, viewer.id, &name).await?)
    }
}
