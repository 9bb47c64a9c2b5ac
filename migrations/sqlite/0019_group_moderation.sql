-- Running a group: pinned posts, the trail of what its admins did, and invitations told as
-- notifications.

-- A pinned post shows first on its group's page. The row carries the post's author and
-- audience, so the group page reads its pinned posts through the same read scope (and the same
-- bounded branches) as every other list of posts.
CREATE TABLE group_pins (
    id BIGINT PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    author_id BIGINT NOT NULL,
    audience TEXT NOT NULL,
    pinned_by BIGINT NOT NULL REFERENCES users (id),
    pinned_at BIGINT NOT NULL
);
CREATE INDEX group_pins_by_group ON group_pins (group_id, audience, id, author_id);

-- What a group's owners and admins did, shown to them alone: 'pin', 'unpin', 'remove' (a
-- post, with the reason and the start of its text: the post itself is gone) and 'edit' (the
-- group's name, description, About or visibility). Rows are never changed.
CREATE TABLE group_moderation (
    id BIGINT PRIMARY KEY,
    group_id BIGINT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    actor_id BIGINT NOT NULL REFERENCES users (id),
    action TEXT NOT NULL CHECK (action IN ('pin', 'unpin', 'remove', 'edit')),
    -- Not a reference: a removed post is gone, and its line stays.
    post_id BIGINT,
    post_author_id BIGINT REFERENCES users (id),
    excerpt TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX group_moderation_by_group ON group_moderation (group_id, id);

-- A notification about a group (an invitation to it, a post removed from it) names the group;
-- it goes with the group. `detail` is what it says beyond who did what: the reason a post was
-- removed.
ALTER TABLE notifications ADD COLUMN group_id BIGINT REFERENCES groups (id) ON DELETE CASCADE;
ALTER TABLE notifications ADD COLUMN detail TEXT;
