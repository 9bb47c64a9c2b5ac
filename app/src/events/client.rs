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

struct Stream {
    last_seen: Cell<i64>,
    /// Failed attempts since the last connection that opened.
    failures: Cell<u32>,
    closed: Cell<bool>,
    state: RwSignal<LiveState>,
    on_event: Box<dyn Fn(Envelope)>,
    socket: RefCell<Option<WebSocket>>,
    /// The callbacks of the open socket; dropped with it.
    callbacks: RefCell<Vec<Callback>>,
}

/// Opens the stream after event `after` (a page's `live_after`) and calls `on_event` for each
/// new event. The stream is closed when the calling component goes away.
pub fn subscribe(after: i64, state: RwSignal<LiveState>, on_event: impl Fn(Envelope) + 'static) {
    let stream = Rc::new(Stream {
        last_seen: Cell::new(after),
        failures: Cell::new(0),
        closed: Cell::new(false),
        state,
        on_event: Box::new(on_event),
        socket: RefCell::new(None),
        callbacks: RefCell::new(Vec::new()),
    });
    stream.open();
    let guard = send_wrapper::SendWrapper::new(stream);
    on_cleanup(move || guard.take().close());
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
            this.state.set(LiveState::Live);
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
            this.state.set(LiveState::Reconnecting);
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

    fn receive(&self, data: &str) {
        let Some(event) = Envelope::parse(data) else {
            return;
        };
        if event.seq > self.last_seen.get() {
            self.last_seen.set(event.seq);
            (self.on_event)(event);
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
