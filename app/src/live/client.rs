//! The browser's side of the live stream: an EventSource on `/events` that delivers each event
//! once, reconnects on its own (the browser sends Last-Event-ID), and reopens after a hard failure
//! from the last id it saw.
use super::{LiveEvent, LiveState};
use leptos::prelude::*;
use std::{
    cell::{Cell, RefCell},
    rc::Rc,
};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{EventSource, MessageEvent};

const REOPEN_AFTER_MS: i32 = 2_000;

type Callback = Closure<dyn Fn(JsValue)>;

struct Stream {
    last_seen: Cell<i64>,
    closed: Cell<bool>,
    state: RwSignal<LiveState>,
    on_event: Box<dyn Fn(LiveEvent)>,
    source: RefCell<Option<EventSource>>,
    /// The callbacks of the open EventSource; dropped with it.
    callbacks: RefCell<Vec<Callback>>,
}

/// Opens the stream after event `after` and calls `on_event` for each new event. The stream is
/// closed when the calling component goes away.
pub fn subscribe(after: i64, state: RwSignal<LiveState>, on_event: impl Fn(LiveEvent) + 'static) {
    let stream = Rc::new(Stream {
        last_seen: Cell::new(after),
        closed: Cell::new(false),
        state,
        on_event: Box::new(on_event),
        source: RefCell::new(None),
        callbacks: RefCell::new(Vec::new()),
    });
    stream.open();
    let guard = send_wrapper::SendWrapper::new(stream);
    on_cleanup(move || guard.take().close());
}

impl Stream {
    fn open(self: &Rc<Self>) {
        if self.closed.get() {
            return;
        }
        let url = format!("/events?after={}", self.last_seen.get());
        let Ok(source) = EventSource::new(&url) else {
            self.reopen_later();
            return;
        };
        let this = self.clone();
        let on_open = Callback::new(move |_| this.state.set(LiveState::Live));
        let this = self.clone();
        let on_post = Callback::new(move |event: JsValue| {
            if let Some(data) = event
                .dyn_ref::<MessageEvent>()
                .and_then(|m| m.data().as_string())
            {
                this.receive(&data);
            }
        });
        let this = self.clone();
        let on_error = Callback::new(move |_| {
            this.state.set(LiveState::Reconnecting);
            let gave_up = this.source.borrow().as_ref().map(EventSource::ready_state)
                == Some(EventSource::CLOSED);
            if gave_up {
                // The browser stopped retrying (the server answered with an error): try again
                // ourselves from the last event we saw.
                this.reopen_later();
            }
        });
        source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let _ = source.add_event_listener_with_callback("post", on_post.as_ref().unchecked_ref());
        *self.callbacks.borrow_mut() = vec![on_open, on_post, on_error];
        if let Some(old) = self.source.replace(Some(source)) {
            old.close();
        }
    }

    fn receive(&self, data: &str) {
        let Ok(event) = serde_json::from_str::<LiveEvent>(data) else {
            return;
        };
        if event.id() > self.last_seen.get() {
            self.last_seen.set(event.id());
            (self.on_event)(event);
        }
    }

    fn reopen_later(self: &Rc<Self>) {
        let this = self.clone();
        let reopen = Closure::once_into_js(move || this.open());
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
            reopen.unchecked_ref(),
            REOPEN_AFTER_MS,
        );
    }

    fn close(&self) {
        self.closed.set(true);
        if let Some(source) = self.source.take() {
            source.close();
        }
        self.callbacks.borrow_mut().clear();
    }
}
