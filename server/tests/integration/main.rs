//! Integration tests: the real router over real HTTP, on SQLite or PostgreSQL
//! (`TEST_DATABASE_URL=postgres://...`).
mod html;
mod mailbox;
mod support;

mod concurrency;
mod conversations;
mod follows;
mod jobs;
mod join;
mod lifecycle;
mod live;
mod notifications;
mod pages;
mod people;
mod people_import;
mod photos;
mod posts;
mod read_scope;
mod revisions;
mod security;
mod seed;
mod sessions;
mod setup;
mod suggestions;
mod topics;
mod transactions;
