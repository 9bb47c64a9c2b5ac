-- Notifications: what happened that concerns a person, newest first. A read model of the same
-- changes the event log records, written in the same transaction as each change.
--
-- `group_key` folds what should read as one line into one row (everyone who reacted to one
-- post); each new arrival moves the row to the top (a new, time-ordered `id`) and marks it
-- unread. `audience` is the item's, so a person's read scope applies to their notifications
-- inside the query: nobody is told of what they may not see.
CREATE TABLE notifications (
    id BIGINT PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    actor_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    item_kind TEXT,
    item_id BIGINT,
    post_id BIGINT,
    audience TEXT NOT NULL,
    group_key TEXT NOT NULL,
    read_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX notifications_by_group ON notifications (person_id, group_key);
CREATE INDEX notifications_by_person ON notifications (person_id, id);
CREATE INDEX notifications_unread ON notifications (person_id, read_at);
-- What a deleted post or comment was the subject of goes with it.
CREATE INDEX notifications_by_post ON notifications (post_id);
