-- Groups: spaces for teams, projects and interests. A group's posts carry its audience key
-- (`group:{id}`, kept in `audience` so a read scope can select them without building strings)
-- in the `audience` column every read scope already applies.
--   public:  everyone sees the group and its posts, and joins at once;
--   private: everyone sees that it exists; only members see its posts and members;
--   secret:  only members and invitees know it exists.
CREATE TABLE groups (
    id BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    about_md TEXT NOT NULL,
    about_html TEXT NOT NULL,
    visibility TEXT NOT NULL CHECK (visibility IN ('public', 'private', 'secret')),
    audience TEXT NOT NULL UNIQUE,
    -- Kept by the same transactions that change `group_members`.
    members BIGINT NOT NULL DEFAULT 0,
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL
);
-- The audiences of public groups (what everyone may read), and the directory by name.
CREATE INDEX groups_by_visibility ON groups (visibility, audience);
CREATE INDEX groups_by_name ON groups (name);

CREATE TABLE group_members (
    group_id BIGINT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    joined_at BIGINT NOT NULL,
    PRIMARY KEY (group_id, person_id)
);
-- A person's groups: what their read scope holds, read on every request.
CREATE INDEX group_members_by_person ON group_members (person_id, group_id);

-- Asking to join a private group, until an admin approves or declines.
CREATE TABLE group_requests (
    group_id BIGINT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (group_id, person_id)
);

-- Invitations, until the invitee accepts or declines. An invitee may know a secret group.
CREATE TABLE group_invitations (
    group_id BIGINT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    invited_by BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (group_id, person_id)
);
CREATE INDEX group_invitations_by_person ON group_invitations (person_id, group_id);
