//! Server-side sessions: a random token in an HttpOnly cookie, stored only as its SHA-256 hash,
//! revocable by deleting the row. The axum middleware here resolves the signed-in person (and the
//! organization's name) once per request and hands them to pages and server functions as a
//! request extension.
use super::{store, SessionInfo};
use crate::{db::now_ms, groups::Memberships, state::AppState};
use axum::{
    extract::{Request, State},
    middleware::Next,
    response::Response,
};
use http::header;
use rand::RngCore;
use sha2::{Digest, Sha256};

pub const COOKIE_NAME: &str = "commons_session";
/// A session ends this long after sign-in, however much it is used...
const SESSION_DAYS: i64 = 30;
/// ...and sooner when it goes unused for this long (a laptop left signed in at a desk).
pub const IDLE_MS: i64 = 7 * 24 * 3600 * 1000;
/// How stale the stored "last used" time may get before a request refreshes it: one write per
/// session every few minutes, not one per request.
pub const TOUCH_EVERY_MS: i64 = 5 * 60 * 1000;

/// A new random session token (what goes in the cookie).
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What is stored for a token: its hash, so a copy of the database opens no sessions.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn expires_at() -> i64 {
    now_ms() + SESSION_DAYS * 24 * 3600 * 1000
}

pub fn set_cookie(token: &str, secure: bool) -> String {
    format!(
        "{COOKIE_NAME}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{}",
        SESSION_DAYS * 24 * 3600,
        if secure { "; Secure" } else { "" }
    )
}

pub fn clear_cookie(secure: bool) -> String {
    format!(
        "{COOKIE_NAME}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{}",
        if secure { "; Secure" } else { "" }
    )
}

/// The session token in a request's Cookie header, if any.
pub fn token_from_headers(headers: &http::HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE_NAME)
        .map(|(_, value)| value.to_string())
        .filter(|value| !value.is_empty())
}

/// Axum middleware: puts the [`SessionInfo`] (who is signed in, and the organization's name)
/// into the request's extensions. When the database cannot be read there is none, and pages say
/// so.
pub async fn resolve_session(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    // Who they are, their groups (what their read scope holds), and the organization's name.
    let signed_in = match token_from_headers(req.headers()) {
        Some(token) => signed_in(&state, &token_hash(&token)).await,
        None => Ok(None),
    };
    match (signed_in, state.organization.name(&state.db).await) {
        (Ok(signed_in), Ok(organization)) => {
            let (viewer, memberships) = signed_in.unzip();
            req.extensions_mut().insert(memberships.unwrap_or_default());
            req.extensions_mut().insert(SessionInfo {
                organization,
                viewer,
            });
        }
        (Err(error), _) | (_, Err(error)) => tracing::error!(%error, "could not read session"),
    }
    next.run(req).await
}

/// Who holds the session `hash`, and their groups: as kept from an earlier request while nothing
/// has changed (`super::known_sessions`), otherwise read and kept.
async fn signed_in(
    state: &AppState,
    hash: &str,
) -> Result<Option<(super::Viewer, Memberships)>, sqlx::Error> {
    let now = now_ms();
    // Taken before reading: a change while reading makes what is read unkept at once.
    let changes = state.events.changes().now();
    if let Some(known) = state.sessions.get(hash, changes, now) {
        return Ok(Some(known));
    }
    let Some(session) = read(state, hash, now).await? else {
        return Ok(None);
    };
    let memberships = crate::groups::store::memberships(&state.db, session.viewer.id).await?;
    let viewer = session.viewer.clone();
    state
        .sessions
        .keep(hash, session, memberships.clone(), changes, now);
    Ok(Some((viewer, memberships)))
}

/// The person signed in with the session `hash`, keeping the session's "last used" time fresh.
pub async fn current_viewer(
    state: &AppState,
    hash: &str,
) -> Result<Option<super::Viewer>, sqlx::Error> {
    Ok(read(state, hash, now_ms())
        .await?
        .map(|session| session.viewer))
}

/// The session `hash` from the database, its "last used" time refreshed when due.
async fn read(
    state: &AppState,
    hash: &str,
    now: i64,
) -> Result<Option<store::StoredSession>, sqlx::Error> {
    let Some(mut session) = store::session(&state.db, hash, now, now - IDLE_MS).await? else {
        return Ok(None);
    };
    if now - session.last_seen_at > TOUCH_EVERY_MS {
        store::touch_session(&state.db, hash, now).await?;
        session.last_seen_at = now;
    }
    Ok(Some(session))
}

/// Starts a fresh session for `user_id` inside the caller's transaction: a new token every time
/// (so a sign-in never reuses an id an attacker may have planted), ending the request's old one,
/// and sets the cookie on the response.
pub async fn start(
    conn: &mut sqlx::AnyConnection,
    user_id: i64,
) -> Result<(), crate::error::AppError> {
    let state = crate::api::state()?;
    if let Some(old) = request_token() {
        let old = token_hash(&old);
        store::delete_session_in(conn, &old).await?;
        crate::events::store::announce_session_end(conn, &old).await?;
        state.events.end_session(&old);
    }
    let token = new_token();
    store::create_session(conn, &token_hash(&token), user_id, expires_at()).await?;
    set_response_cookie(&set_cookie(&token, state.config.secure_cookies));
    Ok(())
}

/// Ends every session of `user_id` inside the caller's transaction, and closes their live
/// streams (in every process, once the transaction commits).
pub async fn end_all(
    conn: &mut sqlx::AnyConnection,
    user_id: i64,
) -> Result<(), crate::error::AppError> {
    let state = crate::api::state()?;
    for hash in store::delete_sessions_of(conn, user_id).await? {
        crate::events::store::announce_session_end(conn, &hash).await?;
        state.events.end_session(&hash);
    }
    Ok(())
}

/// Tells the browser to forget its session cookie.
pub fn clear_cookie_on_response() {
    let secure = crate::api::state().map_or(true, |state| state.config.secure_cookies);
    set_response_cookie(&clear_cookie(secure));
}

/// Ends the request's session on the server and clears the cookie.
pub async fn end() -> Result<(), crate::error::AppError> {
    let state = crate::api::state()?;
    if let Some(token) = request_token() {
        let hash = token_hash(&token);
        let mut conn = state.db.acquire().await?;
        store::delete_session_in(&mut conn, &hash).await?;
        crate::events::store::announce_session_end(&mut conn, &hash).await?;
        state.events.end_session(&hash);
    }
    clear_cookie_on_response();
    Ok(())
}

fn request_token() -> Option<String> {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| token_from_headers(&p.headers))
}

fn set_response_cookie(cookie: &str) {
    if let (Some(options), Ok(value)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(cookie),
    ) {
        options.append_header(header::SET_COOKIE, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_session_cookie_among_others() {
        let mut headers = http::HeaderMap::new();
        headers.insert(
            header::COOKIE,
            "a=1; commons_session=abc; b=2".parse().unwrap(),
        );
        assert_eq!(token_from_headers(&headers).as_deref(), Some("abc"));
        headers.insert(header::COOKIE, "commons_session=".parse().unwrap());
        assert_eq!(token_from_headers(&headers), None);
    }

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_ne!(token_hash(&a), a);
        assert_eq!(token_hash(&a), token_hash(&a));
    }
}
