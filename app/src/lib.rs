//! Commons: the Leptos codebase shared by the server (`ssr`) and the browser (`hydrate`).
//!
//! Each capability is a folder with the same rooms: `model.rs` (types on the wire and their
//! validation), `api.rs` (server functions), `store.rs` (SQL, server only) and its pages.
#![recursion_limit = "256"]

pub mod api;
pub mod auth;
pub mod conversations;
pub mod error;
pub mod events;
pub mod follows;
pub mod groups;
pub mod media;
pub mod notifications;
pub mod people;
pub mod policy;
pub mod posts;
pub mod problems;
pub mod questions;
pub mod revisions;
pub mod setup;
pub mod shell;
pub mod suggestions;
pub mod topics;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod generations;
#[cfg(feature = "ssr")]
pub mod jobs;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod net;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod turns;

pub use shell::{shell, App};

/// The WebAssembly entry point. Pages are rendered on the server and stay plain HTML (every
/// form works without JavaScript); only the `#[island]` components (the home feed with its
/// composer and live updates) come to life in the browser. That keeps the WebAssembly small and
/// the server from sending each page's data twice. Leptos' island script calls this, then
/// hydrates each island.
#[cfg(feature = "hydrate")]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
    ui::time::show_local_times();
}
