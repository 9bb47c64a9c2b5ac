//! `GET /events`: the live stream as Server-Sent Events. Each event carries its id; a client that
//! reconnects sends the last id it saw (Last-Event-ID, or `?after=` on first connect) and gets
//! what it missed from the database before live events resume. Every event passes the policy.
use crate::Shutdown;
use app::{auth::policy, auth::Viewer, live::LiveEvent, posts, state::AppState};
use axum::{
    extract::Query,
    http::{HeaderMap, StatusCode},
    response::{
        sse::{Event, KeepAlive, Sse},
        IntoResponse, Response,
    },
    Extension,
};
use futures::{future::ready, stream, StreamExt};
use serde::Deserialize;
use std::{convert::Infallible, time::Duration};
use tokio_stream::wrappers::BroadcastStream;

/// At most this many missed events are replayed on reconnect.
const MAX_REPLAY: i64 = 500;

#[derive(Deserialize)]
pub struct StreamQuery {
    after: Option<i64>,
}

fn visible(viewer: &Viewer, event: &LiveEvent) -> bool {
    match event {
        LiveEvent::PostCreated(post) => policy::can_see_post(Some(viewer), post.author_id),
    }
}

fn to_sse(event: &LiveEvent) -> Event {
    Event::default()
        .id(event.id().to_string())
        .event(event.name())
        .data(serde_json::to_string(event).unwrap_or_default())
        .retry(Duration::from_secs(2))
}

pub async fn stream(
    Extension(state): Extension<AppState>,
    Extension(shutdown): Extension<Shutdown>,
    viewer: Option<Extension<Viewer>>,
    Query(query): Query<StreamQuery>,
    headers: HeaderMap,
) -> Response {
    let Some(Extension(viewer)) = viewer else {
        return (
            StatusCode::UNAUTHORIZED,
            "Please sign in to follow live updates.",
        )
            .into_response();
    };
    if !policy::can_read(Some(&viewer)) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let last_event_id = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i64>().ok());
    let after = last_event_id.or(query.after);

    // Subscribe before reading what was missed, so nothing falls in between.
    let receiver = state.bus.subscribe();
    let missed = match after {
        Some(after) => match posts::store::posts_after(&state.db, after, MAX_REPLAY).await {
            Ok(posts) => posts.into_iter().map(LiveEvent::PostCreated).collect(),
            Err(error) => {
                tracing::error!(%error, "could not replay live events");
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            }
        },
        None => Vec::new(),
    };
    let replayed_up_to = missed.last().map(LiveEvent::id).or(after).unwrap_or(0);

    let live = BroadcastStream::new(receiver)
        .filter_map(|received| ready(received.ok()))
        .filter(move |event| ready(event.id() > replayed_up_to));
    let events = stream::iter(missed)
        .chain(live)
        .filter(move |event| ready(visible(&viewer, event)))
        .map(|event| Ok::<_, Infallible>(to_sse(&event)))
        .take_until(shutdown.wait());
    Sse::new(events)
        .keep_alive(KeepAlive::default())
        .into_response()
}
