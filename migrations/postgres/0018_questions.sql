-- Discussions and questions: a post has a kind ('update', 'discussion' or 'question') and,
-- unless it is an update, a title.
ALTER TABLE posts ADD COLUMN kind TEXT NOT NULL DEFAULT 'update';
ALTER TABLE posts ADD COLUMN title TEXT;

-- One row per question, written in the same transaction as its post. It carries the post's
-- author and audience, so lists of questions keep to what the viewer may see inside this
-- table's indexes, with the same bounded branches as the home feed. `state` is 'open' or
-- 'answered' (an answer, a comment of the post, was accepted: `accepted_id`, by `answerer_id`).
CREATE TABLE questions (
    id BIGINT PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
    author_id BIGINT NOT NULL,
    audience TEXT NOT NULL,
    state TEXT NOT NULL,
    accepted_id BIGINT,
    answerer_id BIGINT
);
-- All questions, and those of one state, by audience or by asker, newest first.
CREATE INDEX questions_by_audience ON questions (audience, id, author_id);
CREATE INDEX questions_by_author ON questions (author_id, id, audience);
CREATE INDEX questions_by_state ON questions (state, audience, id, author_id);
CREATE INDEX questions_by_state_author ON questions (state, author_id, id, audience);
-- A person's accepted answers (their profile), and the question an answer was accepted for.
CREATE INDEX questions_by_answerer ON questions (answerer_id, audience, id, author_id);
CREATE INDEX questions_by_accepted ON questions (accepted_id);
