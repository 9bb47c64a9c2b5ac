-- The Following feed walks an audience's newest posts and keeps those by people followed. With
-- the author in the index, the posts it passes over are never read from the table.
DROP INDEX posts_by_audience;
CREATE INDEX posts_by_audience ON posts (audience, id, author_id);
