-- People a person dismissed from "People you may want to know"; never suggested to them again.
CREATE TABLE suggestion_dismissals (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    dismissed_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, dismissed_id)
);

-- "Works in Design with you" takes a department's newest few: by (department, user_id) that is
-- a walk down the index that stops after them, instead of reading and sorting everyone in it.
DROP INDEX profiles_by_department;
CREATE INDEX profiles_by_department ON profiles (department, user_id);
