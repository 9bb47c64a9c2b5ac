//! Pages kept as sent, for the same person asking for the same address again before anything
//! changed: a reload, the back button, a second tab, the app brought back to the front. Such a
//! page is sent again without reading or rendering anything but the session.
//!
//! "Anything changed" is the event log's count of changes ([`app::events::log::Changes`]): this
//! process counts each state-changing request and background job as it finishes, and the
//! other processes' writes as their events and notifications reach it. A page is kept under the
//! count read before it was made, and sent again only while the count is the same (or to a
//! request that was already waiting when the page began to be made), the person's
//! session reads the same (name, role, organization, groups) and it is younger than
//! [`KEEP_FOR`], which bounds how late a relative time ("5 min ago") may be. What a page holds
//! that must differ per response, its CSP nonce, is filled in afresh every time.
//!
//! On PostgreSQL with several processes, a page kept by one lags a change made through another
//! by the time its notification takes to arrive, as live updates do.
use app::{
    auth::SessionInfo, events::log::EventLog, generations::Generations, groups::Memberships,
    shell::CspNonce, turns::Turns,
};
use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use std::{
    future::Future,
    sync::Arc,
    time::{Duration, Instant},
};

/// Pages kept in each of the two generations unless configured (a home page is about 110 kB).
pub const DEFAULT_GENERATION: usize = 100;
/// The longest a page is sent again, however little changed: relative times are at most this
/// late.
pub const KEEP_FOR: Duration = Duration::from_secs(10);
/// Says whether a page was sent again (`kept`) or made for this request (`made`).
pub const STATUS_HEADER: &str = "x-commons-page";

pub struct PageCache {
    /// By person and address (host, path and query).
    pages: Generations<Key, Page>,
    /// One request at a time makes a page; the others are then sent it.
    making: Turns<Key>,
    events: Arc<EventLog>,
}

type Key = (i64, String);

/// A page as it was sent, with its nonce's places.
struct Page {
    changes: u64,
    made: Instant,
    session: SessionInfo,
    memberships: Memberships,
    headers: HeaderMap,
    body: Bytes,
    nonce_at: Vec<usize>,
}

impl PageCache {
    pub fn new(generation: usize, events: Arc<EventLog>) -> PageCache {
        PageCache {
            pages: Generations::new(generation),
            making: Turns::default(),
            events,
        }
    }
}

/// Axum middleware around the pages and server functions: counts each state-changing request
/// as a change once it has its answer, and answers a page request with the kept page when it
/// still holds.
pub async fn keep_or_send_again(
    State(cache): State<Arc<PageCache>>,
    req: Request,
    next: Next,
) -> Response {
    if !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        let response = next.run(req).await;
        cache.events.changed().await;
        return response;
    }
    let Some(asking) = Asking::of(&req).filter(|_| cache.pages.is_on()) else {
        return next.run(req).await;
    };
    let arrived = cache.events.changes().now();
    if let Some(page) = cache.valid(&asking, arrived) {
        return page.sent_again(&asking.nonce);
    }
    // After a change every open tab asks again at once: one request makes the page and the
    // others wait their turn and are sent it, instead of all making it side by side. A page
    // made since this request arrived will do even if something changed again meanwhile (it
    // is no older than the request): otherwise, while changes keep coming, every waiter would
    // make the page again, one after another.
    let key = asking.key.clone();
    let in_turn = async {
        match cache.valid(&asking, arrived) {
            Some(page) => page.sent_again(&asking.nonce),
            None => cache.make(asking, next.run(req)).await,
        }
    };
    cache.making.in_turn(&key, in_turn).await
}

impl PageCache {
    /// The page kept for this request, if it holds for a request that arrived when the count
    /// of changes was `arrived`: made under that count or a later one.
    fn valid(&self, asking: &Asking, arrived: u64) -> Option<Arc<Page>> {
        self.pages.get(&asking.key).filter(|page| {
            page.changes >= arrived && page.made.elapsed() < KEEP_FOR && asking.same(page)
        })
    }

    /// Makes the page (`answer`), and keeps it when it is worth keeping.
    async fn make(&self, asking: Asking, answer: impl Future<Output = Response>) -> Response {
        let changes = self.events.changes().now();
        let response = answer.await;
        if !worth_keeping(&response) {
            return response;
        }
        let (mut parts, body) = response.into_parts();
        let body = match axum::body::to_bytes(body, usize::MAX).await {
            Ok(body) => body,
            Err(error) => {
                tracing::error!(%error, "a page could not be made");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        };
        if let Some(nonce_at) = places(&body, &asking.nonce) {
            let page = Page {
                changes,
                made: Instant::now(),
                nonce_at,
                session: asking.session,
                memberships: asking.memberships,
                headers: parts.headers.clone(),
                body: body.clone(),
            };
            self.pages.keep(asking.key, page);
        }
        parts
            .headers
            .insert(STATUS_HEADER, HeaderValue::from_static("made"));
        Response::from_parts(parts, Body::from(body))
    }
}

/// A signed-in person's page request, as far as its answer depends on it.
struct Asking {
    key: Key,
    session: SessionInfo,
    memberships: Memberships,
    nonce: String,
}

impl Asking {
    fn of(req: &Request) -> Option<Asking> {
        if req.method() != Method::GET {
            return None;
        }
        let extensions = req.extensions();
        let session = extensions.get::<SessionInfo>()?.clone();
        let viewer = session.viewer.as_ref()?.id;
        // Links in a page may be made from the host it was asked for (api::site_url).
        let host = match req.headers().get(header::HOST) {
            Some(host) => host.to_str().ok()?,
            None => req.uri().authority().map_or("", |a| a.as_str()),
        };
        let address = format!("{host}{}", req.uri().path_and_query()?.as_str());
        Some(Asking {
            key: (viewer, address),
            memberships: extensions.get::<Memberships>()?.clone(),
            nonce: extensions.get::<CspNonce>()?.0.clone(),
            session,
        })
    }

    fn same(&self, page: &Page) -> bool {
        self.session == page.session && self.memberships.0 == page.memberships.0
    }
}

impl Page {
    fn sent_again(&self, nonce: &str) -> Response {
        let mut body = self.body.to_vec();
        for &at in &self.nonce_at {
            body[at..at + nonce.len()].copy_from_slice(nonce.as_bytes());
        }
        let mut response = Response::new(Body::from(body));
        *response.headers_mut() = self.headers.clone();
        response
            .headers_mut()
            .insert(STATUS_HEADER, HeaderValue::from_static("kept"));
        response
    }
}

/// Only a whole page made for everyone who asks alike: a successful HTML answer that starts no
/// session and that its page did not mark as not to be kept (`Cache-Control: no-store`).
fn worth_keeping(response: &Response) -> bool {
    let headers = response.headers();
    let html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let no_store = headers
        .get_all(header::CACHE_CONTROL)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains("no-store"));
    response.status() == StatusCode::OK
        && html
        && !no_store
        && !headers.contains_key(header::SET_COOKIE)
}

/// Where `nonce` is written in `page`, or nothing when the page is not text to keep.
fn places(page: &[u8], nonce: &str) -> Option<Vec<usize>> {
    let page = std::str::from_utf8(page).ok()?;
    (!nonce.is_empty()).then(|| page.match_indices(nonce).map(|(at, _)| at).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nonce_is_found_everywhere_it_is_written() {
        let page = b"<script nonce=\"abc\">1</script><script nonce=\"abc\">2</script>";
        assert_eq!(places(page, "abc"), Some(vec![15, 45]));
        assert_eq!(places(page, "xyz"), Some(vec![]));
        assert_eq!(places(page, ""), None);
        assert_eq!(places(b"\xff", "abc"), None);
    }
}
