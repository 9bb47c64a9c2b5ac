-- Sessions end after a week without use, as well as 30 days after sign-in (expires_at).
-- last_seen_at is refreshed at most every few minutes, not on every request.
ALTER TABLE sessions ADD COLUMN last_seen_at BIGINT NOT NULL DEFAULT 0;
UPDATE sessions SET last_seen_at = created_at;
