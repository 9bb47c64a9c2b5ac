//! Integration tests: the real router over real HTTP, on SQLite or PostgreSQL
//! (`TEST_DATABASE_URL=postgres://...`).
mod support;

mod crash;
mod join;
mod pages;
mod posts;
mod security;
mod sessions;
mod setup;
