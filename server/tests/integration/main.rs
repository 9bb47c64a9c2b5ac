//! Integration tests: the real router over real HTTP, on SQLite or PostgreSQL
//! (`TEST_DATABASE_URL=postgres://...`).
mod support;

mod join;
mod lifecycle;
mod live;
mod pages;
mod posts;
mod security;
mod seed;
mod sessions;
mod setup;
