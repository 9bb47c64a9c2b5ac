-- Directory imports: a CSV file an administrator uploaded, kept between its preview and its
-- import (and for a week after, so the page can say what it did). Rows are planned from `body`
-- each time, against the people as they are then.
CREATE TABLE people_imports (
    id BIGINT PRIMARY KEY,
    created_by BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    imported_at BIGINT,
    -- What the import did: created, updated, unchanged (NULL until imported).
    created_count BIGINT,
    updated_count BIGINT,
    unchanged_count BIGINT
);
CREATE INDEX people_imports_by_time ON people_imports (created_at);
