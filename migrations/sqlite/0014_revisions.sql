-- Edits and deletions with a visible history, one mechanism for every kind of content.

-- Each item knows its current revision (1 until it is first edited) and who last edited it.
-- An edit says which revision it changes (`WHERE revision = $base`), so two people editing at
-- once never overwrite each other unseen.
ALTER TABLE posts ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
ALTER TABLE posts ADD COLUMN edited_by BIGINT;
ALTER TABLE comments ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
ALTER TABLE comments ADD COLUMN edited_by BIGINT;
-- A removed comment that has replies stays in its thread as "This comment was removed".
ALTER TABLE comments ADD COLUMN deleted_at BIGINT;
CREATE INDEX comments_by_parent ON comments (parent_id);

-- Every revision of every item (named by kind and id, like reactions), written in the same
-- transaction as the change and never updated: the original (written at the first edit or
-- deletion; an item never changed has no rows), each edit, and a deletion.
CREATE TABLE revisions (
    id BIGINT PRIMARY KEY,
    item_kind TEXT NOT NULL,
    item_id BIGINT NOT NULL,
    number BIGINT NOT NULL,
    editor_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- 'original', 'edit' or 'delete'.
    change TEXT NOT NULL,
    by_moderator BIGINT NOT NULL DEFAULT 0,
    body_md TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    idempotency_key TEXT
);
CREATE UNIQUE INDEX revisions_by_item ON revisions (item_kind, item_id, number);
CREATE UNIQUE INDEX revisions_by_idempotency_key ON revisions (editor_id, idempotency_key);
