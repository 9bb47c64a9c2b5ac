//! The browser's side of the live stream: a WebSocket on `/events` that asks for what happened
//! after the last event it saw, delivers each event once, and reopens after a drop. Reopening
//! waits a little longer after each failure, with jitter, so a restarted server is not hit by
//! every open page at the same moment.
use super::{Envelope, LiveState};
use leptos::prelude::*;
use std::{
    cell::{Cell, RefCell},
    rc::Rc,
};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{MessageEvent, WebSocket};

const FIRST_RETRY_MS: f64 = 1_000.0;
const MAX_RETRY_MS: f64 = 15_000.0;

type Callback = Closure<dyn Fn(JsValue)>;

/// One part of the page that follows the stream.
struct Listener {
    id: u64,
    /// The last event it has (from its page's `live_after` on): it wants only later ones.
    seen: Cell<i64>,
    /// Told how the connection is, for those that show it.
    state: Option<RwSignal<LiveState>>,
    on_event: Rc<dyn Fn(Envelope)>,
}

struct Stream {
    last_seen: Cell<i64>,
    /// Failed attempts since the last connection that opened.
    failures: Cell<u32>,
    closed: Cell<bool>,
    state: Cell<LiveState>,
    listeners: RefCell<Vec<Listener>>,
    next_listener: Cell<u64>,
    socket: RefCell<Option<WebSocket>>,
    /// The callbacks of the open socket; dropped with it.
    callbacks: RefCell<Vec<Callback>>,
}

thread_local! {
    /// The page's one stream, shared by every island that follows it (the feed, each card's
    /// conversation), so a page opens one connection however many parts of it are live.
    static SHARED: RefCell<Option<Rc<Stream>>> = const { RefCell::new(None) };
}

/// Follows the stream after event `after` (a page's `live_after`): calls `on_event` for each
/// new event, and keeps `state` (if given) saying how the connection is. The first caller on a page opens
/// the stream; later ones share it. Following ends when the calling component goes away, and
/// the stream closes when nobody follows it any more.
pub fn subscribe(
    after: i64,
    state: Option<RwSignal<LiveState>>,
    on_event: impl Fn(Envelope) + 'static,
) {
    let stream = SHARED.with(|shared| {
        let mut shared = shared.borrow_mut();
        match shared.as_ref().filter(|stream| !stream.closed.get()) {
            Some(stream) => stream.clone(),
            None => {
                let stream = Rc::new(Stream {
                    last_seen: Cell::new(after),
                    failures: Cell::new(0),
                    closed: Cell::new(false),
                    state: Cell::new(LiveState::Connecting),
                    listeners: RefCell::new(Vec::new()),
                    next_listener: Cell::new(0),
                    socket: RefCell::new(None),
                    callbacks: RefCell::new(Vec::new()),
                });
                *shared = Some(stream.clone());
                stream
            }
        }
    });
    let id = stream.next_listener.get();
    stream.next_listener.set(id + 1);
    if let Some(state) = state {
        state.set(stream.state.get());
    }
    stream.listeners.borrow_mut().push(Listener {
        id,
        seen: Cell::new(after),
        state,
        on_event: Rc::new(on_event),
    });
    // A part of the page read before the stream's start (islands read the log's head at
    // slightly different moments): the stream starts again from there, and each listener
    // still gets every event once.
    let rewind = after < stream.last_seen.get();
    if rewind {
        stream.last_seen.set(after);
    }
    if rewind || stream.socket.borrow().is_none() {
        stream.open();
    }
    let guard = send_wrapper::SendWrapper::new(stream);
    on_cleanup(move || guard.take().leave(id));
}
/// `ws://` or `wss://`, matching the page, on this host.
fn stream_url(after: i64) -> Option<String> {
    let location = window().location();
    let scheme = match location.protocol().ok()?.as_str() {
        "https:" => "wss",
        _ => "ws",
    };
    Some(format!(
        "{scheme}://{}/events?after={after}",
        location.host().ok()?
    ))
}

impl Stream {
    fn open(self: &Rc<Self>) {
        if self.closed.get() {
            return;
        }
        let Some(socket) =
            stream_url(self.last_seen.get()).and_then(|url| WebSocket::new(&url).ok())
        else {
            self.reopen_later();
            return;
        };
        let this = self.clone();
        let on_open = Callback::new(move |_| {
            this.failures.set(0);
            this.set_state(LiveState::Live);
        });
        let this = self.clone();
        let on_message = Callback::new(move |event: JsValue| {
            if let Some(data) = event
                .dyn_ref::<MessageEvent>()
                .and_then(|m| m.data().as_string())
            {
                this.receive(&data);
            }
        });
        // A failed or dropped connection always ends with `close`.
        let this = self.clone();
        let on_close = Callback::new(move |_| {
            this.set_state(LiveState::Reconnecting);
            this.failures.set(this.failures.get().saturating_add(1));
            this.reopen_later();
        });
        socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        *self.callbacks.borrow_mut() = vec![on_open, on_message, on_close];
        if let Some(old) = self.socket.replace(Some(socket)) {
            detach(&old);
        }
    }

    fn receive(&self, message: &str) {
        for event in Envelope::parse_all(message) {
            self.receive_one(event);
        }
    }

    fn receive_one(&self, event: Envelope) {
        if event.seq <= self.last_seen.get() {
            return;
        }
        self.last_seen.set(event.seq);
        // Called outside the borrow: a listener may add or remove listeners as it handles one.
        let wanting: Vec<Rc<dyn Fn(Envelope)>> = self
            .listeners
            .borrow()
            .iter()
            .filter(|listener| event.seq > listener.seen.get())
            .map(|listener| {
                listener.seen.set(event.seq);
                listener.on_event.clone()
            })
            .collect();
        for on_event in wanting {
            on_event(event.clone());
        }
    }

    fn set_state(&self, state: LiveState) {
        self.state.set(state);
        let signals: Vec<_> = self
            .listeners
            .borrow()
            .iter()
            .filter_map(|l| l.state)
            .collect();
        for signal in signals {
            signal.try_set(state);
        }
    }

    /// One listener is gone; the last one closes the stream.
    fn leave(&self, id: u64) {
        let empty = {
            let mut listeners = self.listeners.borrow_mut();
            listeners.retain(|listener| listener.id != id);
            listeners.is_empty()
        };
        if empty {
            self.close();
        }
    }

    fn reopen_later(self: &Rc<Self>) {
        let doublings = self.failures.get().saturating_sub(1).min(8);
        let ceiling = (FIRST_RETRY_MS * f64::from(1u32 << doublings)).min(MAX_RETRY_MS);
        let delay = ceiling * (0.5 + 0.5 * js_sys::Math::random());
        let this = self.clone();
        let reopen = Closure::once_into_js(move || this.open());
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
            reopen.unchecked_ref(),
            delay as i32,
        );
    }

    fn close(&self) {
        self.closed.set(true);
        if let Some(socket) = self.socket.take() {
            detach(&socket);
        }
        self.callbacks.borrow_mut().clear();
    }
}

/// Closes a socket without its callbacks firing again.
fn detach(socket: &WebSocket) {
    socket.set_onopen(None);
    socket.set_onmessage(None);
    socket.set_onclose(None);
    let _ = socket.close();
}
