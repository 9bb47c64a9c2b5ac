-- People a person dismissed from "People you may want to know"; never suggested to them again.
CREATE TABLE suggestion_dismissals (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    dismissed_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, dismissed_id)
);
