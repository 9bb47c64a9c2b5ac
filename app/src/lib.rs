//! Commons: the Leptos codebase shared by the server (`ssr`) and the browser (`hydrate`).
//!
//! Each capability is a folder with the same rooms: `model.rs` (types on the wire and their
//! validation), `api.rs` (server functions), `store.rs` (SQL, server only) and its pages.
#![recursion_limit = "256"]

pub mod api;
pub mod auth;
pub mod error;
pub mod live;
pub mod people;
pub mod posts;
pub mod setup;
pub mod shell;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod state;

pub use shell::{shell, App};

/// The WebAssembly entry point: takes over the server-rendered page.
#[cfg(feature = "hydrate")]
pub fn hydrate() {
    leptos::mount::hydrate_body(App);
}
