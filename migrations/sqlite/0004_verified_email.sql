-- Verified email addresses, single-use links sent by mail, and invitations sent to an address.

-- When the person proved they read this address (NULL: not yet, and they cannot sign in).
-- People who joined before verification existed count as verified.
ALTER TABLE users ADD COLUMN email_verified_at BIGINT;
UPDATE users SET email_verified_at = created_at;

-- Links sent by mail: `purpose` is verify or reset. Stored as the token's hash.
CREATE TABLE email_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX email_tokens_by_user ON email_tokens (user_id);

-- The address an invitation was mailed to (NULL for a copied link).
ALTER TABLE invites ADD COLUMN email TEXT;
