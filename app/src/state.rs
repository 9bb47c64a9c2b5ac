//! What the server shares with every request: the database, the live event bus, configuration,
//! the rate limiter and the organization's name. Provided to server functions and pages as
//! Leptos context.
use crate::{
    auth::rate_limit::RateLimiter, db::Db, live::bus::EventBus, setup::known::KnownOrganization,
};
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub bus: Arc<dyn EventBus>,
    pub config: Arc<SiteConfig>,
    pub limiter: Arc<RateLimiter>,
    pub organization: Arc<KnownOrganization>,
}

#[derive(Debug, Clone, Default)]
pub struct SiteConfig {
    /// The address people use to reach Commons, for links in invites (e.g. https://commons.example.org).
    pub public_url: Option<String>,
    /// Mark the session cookie Secure (when served over HTTPS).
    pub secure_cookies: bool,
}
