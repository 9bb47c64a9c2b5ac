-- Who may read a post (its audience), the ordered event log, and the job queue.

-- "org" (every member) today; groups and people add their own audience keys.
ALTER TABLE posts ADD COLUMN audience TEXT NOT NULL DEFAULT 'org';
-- A read scope reads one bounded range per audience (policy::ReadScope::visible_ids): the feed
-- from (audience, id), a profile's timeline from (author_id, audience, id).
CREATE INDEX posts_by_audience ON posts (audience, id);
CREATE INDEX posts_by_author_audience ON posts (author_id, audience, id);

-- The event log's numbering. Taking the next number locks this row until the writing
-- transaction commits, so numbers are handed out in commit order and without gaps: a reader
-- that has seen event N has seen every event before it.
CREATE TABLE event_counter (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    last BIGINT NOT NULL
);
INSERT INTO event_counter (id, last) VALUES (1, 0);

-- Everything open pages must see, written in the same transaction as the change it describes.
CREATE TABLE events (
    seq BIGINT PRIMARY KEY,
    kind TEXT NOT NULL,
    audience TEXT NOT NULL,
    actor_id BIGINT NOT NULL,
    payload TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Work that can wait. `run_at` is when a queued job is due, or when a running job's lease ends
-- (a worker that died with it lets it run again then).
CREATE TABLE jobs (
    id BIGINT PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    max_attempts BIGINT NOT NULL,
    run_at BIGINT NOT NULL,
    last_error TEXT,
    unique_key TEXT UNIQUE,
    created_at BIGINT NOT NULL,
    finished_at BIGINT
);
CREATE INDEX jobs_due ON jobs (state, run_at);
