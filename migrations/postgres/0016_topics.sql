-- Topics: `#name` in a post. One row per post and topic, written in the same transaction as
-- the post (and rewritten by its edits). It carries the post's author and audience, so a
-- topic's page finds its posts, and keeps them to what the viewer may see, in this table's
-- indexes alone, with the same bounded branches as the home feed.
CREATE TABLE post_topics (
    topic TEXT NOT NULL,
    id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    author_id BIGINT NOT NULL,
    audience TEXT NOT NULL,
    PRIMARY KEY (topic, id)
);
-- Each also carries the other column of the read scope, so counting a topic's writers reads
-- these indexes alone (a row lookup each was most of the topic page's cost).
CREATE INDEX post_topics_by_audience ON post_topics (topic, audience, id, author_id);
CREATE INDEX post_topics_by_author ON post_topics (topic, author_id, id, audience);
-- A post's topics (its edits and deletion), and the newest uses of every topic (the index).
CREATE INDEX post_topics_by_post ON post_topics (id, topic);

-- Who follows which topic: its posts join their Following feed.
CREATE TABLE topic_follows (
    follower_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    topic TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (follower_id, topic)
);
CREATE INDEX topic_follows_by_topic ON topic_follows (topic);
