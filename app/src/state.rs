//! What the server shares with every request: the database, the event log's follower,
//! configuration, the rate limiter and the organization's name. Provided to server functions and pages as
//! Leptos context.
use crate::{
    auth::rate_limit::RateLimiter, db::Db, events::log::EventLog, setup::known::KnownOrganization,
};
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub events: Arc<EventLog>,
    pub config: Arc<SiteConfig>,
    pub limiter: Arc<RateLimiter>,
    pub organization: Arc<KnownOrganization>,
    /// Who each recent session belongs to, while nothing has changed.
    pub sessions: Arc<crate::auth::known_sessions::KnownSessions>,
    pub mail: Arc<crate::mail::Outbox>,
    /// Where uploaded files are kept.
    pub media: Arc<crate::media::Media>,
    /// "People you may want to know", made in the last minute.
    pub suggestions: Arc<crate::suggestions::recent::RecentSuggestions>,
    /// The composer's group choices, per person, made in the last half minute.
    pub audience_choices: Arc<crate::groups::recent_choices::RecentChoices>,
    /// Feed cards as rendered, for the next page that shows them alike.
    pub cards: Arc<crate::posts::card_cache::CardCache>,
    /// The server's background tasks end with it.
    pub background: Background,
}

/// What a server's background tasks (the event follower, the job worker) run under: they end
/// when the server that started them is dropped, and their database connections with them.
#[derive(Clone)]
pub struct Background(tokio::sync::watch::Receiver<()>);

impl Background {
    /// The server keeps the sender; dropping it ends every task.
    pub fn new() -> (tokio::sync::watch::Sender<()>, Background) {
        let (sender, receiver) = tokio::sync::watch::channel(());
        (sender, Background(receiver))
    }

    /// Runs `task` until it finishes or the server is gone.
    pub fn spawn(
        &self,
        task: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> tokio::task::JoinHandle<()> {
        let mut ended = self.0.clone();
        tokio::spawn(async move {
            tokio::select! {
                _ = async { while ended.changed().await.is_ok() {} } => {}
                _ = task => {}
            }
        })
    }
}

#[derive(Debug, Clone, Default)]
pub struct SiteConfig {
    /// The address people use to reach Commons, for links in invites (e.g. https://commons.example.org).
    pub public_url: Option<String>,
    /// Mark the session cookie Secure (when served over HTTPS).
    pub secure_cookies: bool,
    /// Reverse proxies whose `X-Forwarded-For` is believed (`--trusted-proxies`).
    pub trusted_proxies: Vec<crate::net::Cidr>,
}
