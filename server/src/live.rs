//! `GET /events`: the live stream, over a WebSocket. The client says the last event it has
//! (`?after=`, a place in the event log); it gets what it missed from the log, then events as
//! this process's follower reads them. What a stream sends is what its viewer's read scope
//! allows: applied in the replay's query, and to each live event. When the viewer joins or
//! leaves a group (an event to them alone, in the log's order), the stream reads their groups
//! again, so from that event on it sends what the new scope allows.
//!
//! Under load a stream gathers: after it sends it may rest a moment ([`pace`]), and what happened
//! meanwhile goes out as one message (one event per line).
//!
//! A WebSocket rather than Server-Sent Events because of what an idle connection costs: an SSE
//! response keeps hyper's HTTP/1 connection, with its 8 KiB read and 8 KiB write buffers, for as
//! long as the stream is open. An upgraded connection leaves hyper, and with small tungstenite
//! buffers an idle one costs a few hundred bytes (BENCHMARKS.md, "idle live connections").
use crate::{security, Shutdown};
use app::{
    auth::{session, SessionInfo, Viewer},
    events::{store::visible_after, store::Logged, Event, BETWEEN_EVENTS},
    groups::{model::MembershipChanged, Memberships},
    policy::{self, Audience, ReadScope},
    state::AppState,
};
use axum::{
    extract::{
        ws::{rejection::WebSocketUpgradeRejection, CloseFrame, Message, WebSocket},
        Query, WebSocketUpgrade,
    },
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    Extension,
};
use serde::Deserialize;
use std::{pin::Pin, sync::Arc, time::Duration};
use tokio::{
    sync::broadcast::{
        self,
        error::{RecvError, TryRecvError},
    },
    time::{Instant, Sleep},
};

mod pace;
pub use pace::{Pace, MESSAGES_PER_SECOND};

/// Missed events are replayed on reconnect this many at a time.
const MAX_REPLAY: i64 = 500;
/// How often an idle connection is pinged. A client silent for two of these is gone.
const PING_EVERY: Duration = Duration::from_secs(30);
/// A client that can't take a message within this time is dropped; it catches up on reconnect.
const SEND_TIMEOUT: Duration = Duration::from_secs(10);
/// Clients only answer pings and close; nothing they send needs more than this.
const MAX_CLIENT_MESSAGE: usize = 1024;
/// "Going away": the server is stopping; the client reconnects to the next one.
const CLOSE_GOING_AWAY: u16 = 1001;
/// "Policy violation": the session ended; the stream is no longer this person's.
const CLOSE_POLICY: u16 = 1008;
/// "Internal error": the database could not replay; the client tries again later.
const CLOSE_INTERNAL_ERROR: u16 = 1011;

#[derive(Deserialize)]
pub struct StreamQuery {
    after: Option<i64>,
}

// Axum passes each of these as an extractor; grouping them would only hide what is used.
#[allow(clippy::too_many_arguments)]
pub async fn stream(
    Extension(state): Extension<AppState>,
    Extension(shutdown): Extension<Shutdown>,
    Extension(pace): Extension<Arc<Pace>>,
    session: Option<Extension<SessionInfo>>,
    groups: Option<Extension<Memberships>>,
    Query(query): Query<StreamQuery>,
    headers: HeaderMap,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    let viewer = session.and_then(|Extension(session)| session.viewer);
    let groups = groups.map(|Extension(groups)| groups).unwrap_or_default();
    let Some(scope) = policy::read_scope(viewer.as_ref(), &groups.0) else {
        return (
            StatusCode::UNAUTHORIZED,
            "Please sign in to follow live updates.",
        )
            .into_response();
    };
    // Browsers send the session cookie with a WebSocket handshake from any site, and CORS does
    // not apply to it: only our own pages may open the stream.
    if !security::is_same_origin(&headers) {
        tracing::warn!("cross-origin live stream refused");
        return (
            StatusCode::FORBIDDEN,
            "Live updates are only available to Commons' own pages.",
        )
            .into_response();
    }
    // The session this stream belongs to: signing out (anywhere) closes it.
    let Some(session) = session::token_from_headers(&headers).map(|t| session::token_hash(&t))
    else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let Ok(upgrade) = upgrade else {
        return (
            StatusCode::UPGRADE_REQUIRED,
            [(http::header::UPGRADE, "websocket")],
            "Live updates need a WebSocket connection.",
        )
            .into_response();
    };
    upgrade
        .read_buffer_size(256)
        .write_buffer_size(0)
        .max_message_size(MAX_CLIENT_MESSAGE)
        .max_frame_size(MAX_CLIENT_MESSAGE)
        .on_upgrade(move |socket| {
            let viewer = viewer.expect("a read scope has a viewer");
            let member = Member {
                scope,
                session,
                viewer,
            };
            follow(socket, state, member, query.after, shutdown, pace)
        })
}

/// The client went away, can't keep up, or signed out; either way this connection is done.
struct Gone;

/// Who the stream is for: what they may read, the hash of their session token, and who they are.
struct Member {
    scope: ReadScope,
    session: String,
    viewer: Viewer,
}

impl Member {
    /// Reads the viewer's groups again if `event` says they changed, so the events after it are
    /// sent by the new scope (someone removed from a group stops getting its posts at once).
    async fn follow_memberships(&mut self, state: &AppState, event: &Logged) -> Result<(), Gone> {
        if event.kind != MembershipChanged::KIND
            || event.audience != Audience::Person(self.viewer.id).key()
        {
            return Ok(());
        }
        match app::groups::store::memberships(&state.db, self.viewer.id).await {
            Ok(groups) => {
                if let Some(scope) = policy::read_scope(Some(&self.viewer), &groups.0) {
                    self.scope = scope;
                }
                Ok(())
            }
            Err(error) => {
                // Better to end the stream (the client reconnects) than to keep an old scope.
                tracing::error!(%error, "could not read a live viewer's groups");
                Err(Gone)
            }
        }
    }
}

/// Events this stream's viewer may see, waiting to go out as one message.
#[derive(Default)]
struct Outbox(String);

impl Outbox {
    fn add(&mut self, wire: &str) {
        if !self.0.is_empty() {
            self.0.push(BETWEEN_EVENTS);
        }
        self.0.push_str(wire);
    }

    /// Sends what is waiting, if anything; says whether a message went.
    async fn send(&mut self, socket: &mut WebSocket) -> Result<bool, Gone> {
        if self.0.is_empty() {
            return Ok(false);
        }
        send(socket, Message::text(std::mem::take(&mut self.0))).await?;
        Ok(true)
    }
}

/// Serves one connection until the client leaves, falls silent, or the server stops.
async fn follow(
    mut socket: WebSocket,
    state: AppState,
    mut member: Member,
    after: Option<i64>,
    shutdown: Shutdown,
    pace: Arc<Pace>,
) {
    // Subscribe before reading what was missed, so nothing falls in between.
    let mut events = state.events.subscribe();
    let mut ended_sessions = state.events.ended_sessions();
    let mut sent_up_to = after.unwrap_or(0);
    let mut outbox = Outbox::default();
    if after.is_some()
        && catch_up(
            &mut socket,
            &state,
            &mut member,
            &mut sent_up_to,
            &mut outbox,
        )
        .await
        .is_err()
    {
        return;
    }
    let stopping = shutdown.wait();
    tokio::pin!(stopping);
    // While resting, new events wait in the broadcast buffer and are taken when the rest ends.
    let rest = tokio::time::sleep(Duration::ZERO);
    tokio::pin!(rest);
    let mut resting = false;
    let mut ping = tokio::time::interval_at(Instant::now() + PING_EVERY, PING_EVERY);
    let mut last_heard = Instant::now();
    loop {
        let outcome = tokio::select! {
            _ = &mut stopping => {
                close(&mut socket, CLOSE_GOING_AWAY, "The server is restarting.").await;
                return;
            }
            received = socket.recv() => match received {
                // Pongs, and anything else a client sends, only show it is still there.
                // (tungstenite answers pings and close frames itself.)
                Some(Ok(_)) => {
                    last_heard = Instant::now();
                    Ok(())
                }
                Some(Err(_)) | None => Err(Gone),
            },
            event = events.recv(), if !resting => {
                let sent = gather(&mut socket, &state, &mut member, &mut events, Some(event), &mut sent_up_to, &mut outbox).await;
                rest_if_sent(sent, &mut resting, rest.as_mut(), &state, &pace)
            }
            () = &mut rest, if resting => {
                let sent = gather(&mut socket, &state, &mut member, &mut events, None, &mut sent_up_to, &mut outbox).await;
                rest_if_sent(sent, &mut resting, rest.as_mut(), &state, &pace)
            }
            ended = ended_sessions.recv() => match ended {
                Ok(session) if *session == *member.session => {
                    close(&mut socket, CLOSE_POLICY, "Signed out.").await;
                    Err(Gone)
                }
                Ok(_) => Ok(()),
                // Missed some: ask the database whether this session is still there.
                Err(RecvError::Lagged(_)) => still_signed_in(&mut socket, &state, &member).await,
                Err(RecvError::Closed) => Err(Gone),
            },
            _ = ping.tick() => {
                if last_heard.elapsed() > 2 * PING_EVERY {
                    Err(Gone)
                } else {
                    send(&mut socket, Message::Ping(Default::default())).await
                }
            }
        };
        if outcome.is_err() {
            return;
        }
    }
}

async fn still_signed_in(
    socket: &mut WebSocket,
    state: &AppState,
    member: &Member,
) -> Result<(), Gone> {
    let session = session::current_viewer(state, &member.session).await;
    if matches!(session, Ok(None)) {
        close(socket, CLOSE_POLICY, "Signed out.").await;
        return Err(Gone);
    }
    Ok(())
}

/// Takes `first` and every event that has arrived since, and sends what the viewer may see of
/// them as one message; says whether a message went.
async fn gather(
    socket: &mut WebSocket,
    state: &AppState,
    member: &mut Member,
    events: &mut broadcast::Receiver<Arc<Logged>>,
    first: Option<Result<Arc<Logged>, RecvError>>,
    sent_up_to: &mut i64,
    outbox: &mut Outbox,
) -> Result<bool, Gone> {
    let mut next = first;
    loop {
        let received = match next.take() {
            Some(received) => received,
            None => match events.try_recv() {
                Ok(event) => Ok(event),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Lagged(missed)) => Err(RecvError::Lagged(missed)),
                Err(TryRecvError::Closed) => Err(RecvError::Closed),
            },
        };
        match received {
            Ok(event) => deliver(state, member, &event, sent_up_to, outbox).await?,
            // Too far behind the follower: the log has everything since the last one sent.
            Err(RecvError::Lagged(_)) => {
                catch_up(socket, state, member, sent_up_to, outbox).await?
            }
            Err(RecvError::Closed) => return Err(Gone),
        }
    }
    outbox.send(socket).await
}

/// After a message went, the stream may rest before it sends again (see [`pace`]).
fn rest_if_sent(
    sent: Result<bool, Gone>,
    resting: &mut bool,
    rest: Pin<&mut Sleep>,
    state: &AppState,
    pace: &Pace,
) -> Result<(), Gone> {
    *resting = false;
    if sent? {
        let rest_for = pace.rest_after_sending(state.events.open_streams());
        if !rest_for.is_zero() {
            *resting = true;
            rest.reset(Instant::now() + rest_for);
        }
    }
    Ok(())
}

/// Sends what the viewer may see after `sent_up_to`, from the log (with what was waiting before
/// it), a page of the log per message.
async fn catch_up(
    socket: &mut WebSocket,
    state: &AppState,
    member: &mut Member,
    sent_up_to: &mut i64,
    outbox: &mut Outbox,
) -> Result<(), Gone> {
    loop {
        let scope = &member.scope;
        let missed = match visible_after(&state.db, *sent_up_to, scope, MAX_REPLAY).await {
            Ok(missed) => missed,
            Err(error) => {
                tracing::error!(%error, "could not replay live events");
                close(socket, CLOSE_INTERNAL_ERROR, "Please try again.").await;
                return Err(Gone);
            }
        };
        let mut complete = (missed.len() as i64) < MAX_REPLAY;
        for event in &missed {
            let before = member.scope.clone();
            deliver(state, member, event, sent_up_to, outbox).await?;
            if member.scope != before {
                // The rest of the replay was read with the old groups: read it again.
                complete = false;
                break;
            }
        }
        outbox.send(socket).await?;
        if complete {
            return Ok(());
        }
    }
}

/// Puts `event` in the outbox if it is new to this client and its viewer may see it.
async fn deliver(
    state: &AppState,
    member: &mut Member,
    event: &Logged,
    sent_up_to: &mut i64,
    outbox: &mut Outbox,
) -> Result<(), Gone> {
    if event.seq <= *sent_up_to {
        return Ok(());
    }
    *sent_up_to = event.seq;
    member.follow_memberships(state, event).await?;
    if member.scope.may_see(&event.audience, event.actor_id) {
        outbox.add(&event.wire);
    }
    Ok(())
}

async fn send(socket: &mut WebSocket, message: Message) -> Result<(), Gone> {
    match tokio::time::timeout(SEND_TIMEOUT, socket.send(message)).await {
        Ok(Ok(())) => Ok(()),
        _ => Err(Gone),
    }
}

async fn close(socket: &mut WebSocket, code: u16, reason: &'static str) {
    let frame = CloseFrame {
        code,
        reason: reason.into(),
    };
    let _ = send(socket, Message::Close(Some(frame))).await;
}
