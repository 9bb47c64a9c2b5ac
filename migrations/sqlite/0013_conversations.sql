-- Conversations: comments under posts, reactions on posts and comments, and their counts.

-- A comment belongs to a post and to a thread: the top-level comment it is under (its own id
-- for a top-level comment). Ordering by (thread_id, id) reads a post's comments thread by
-- thread, each top-level comment followed by its replies, as one keyset. `audience` is the
-- post's, so a read scope applies to comments inside the query as it does to posts.
CREATE TABLE comments (
    id BIGINT PRIMARY KEY,
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    thread_id BIGINT NOT NULL,
    parent_id BIGINT REFERENCES comments (id) ON DELETE CASCADE,
    author_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    audience TEXT NOT NULL,
    body_md TEXT NOT NULL,
    body_html TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    idempotency_key TEXT
);
CREATE INDEX comments_by_thread ON comments (post_id, thread_id, id);
CREATE INDEX comments_by_post ON comments (post_id, id);
CREATE UNIQUE INDEX comments_by_idempotency_key ON comments (author_id, idempotency_key);

-- One reaction per person per item. An item is named by its kind ('post', 'comment', and
-- later kinds) and id, so every kind of content reacts the same way.
CREATE TABLE reactions (
    item_kind TEXT NOT NULL,
    item_id BIGINT NOT NULL,
    person_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    id BIGINT NOT NULL,
    PRIMARY KEY (item_kind, item_id, person_id)
);
CREATE INDEX reactions_by_item ON reactions (item_kind, item_id, id);

-- Counts per item ('comments', and one per reaction kind), changed in the same transaction as
-- what they count with `count = count + 1`, so concurrent writers never lose an update and a
-- feed page reads a card's counts without counting rows.
CREATE TABLE item_counts (
    item_kind TEXT NOT NULL,
    item_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (item_kind, item_id, name)
);
