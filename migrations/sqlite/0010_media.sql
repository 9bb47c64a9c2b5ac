-- Media: files people upload (profile photos today; post images, group covers and videos next).
-- The bytes live in the media storage (a local folder, or object storage), under keys made from
-- the id; this table says whose they are and who may see them (an audience, as for posts).
CREATE TABLE media (
    id BIGINT PRIMARY KEY,
    owner_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    audience TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX media_by_owner ON media (owner_id, id);

-- A person's photo. A replaced photo's row and files are removed by a background job.
ALTER TABLE profiles ADD COLUMN photo_id BIGINT REFERENCES media (id) ON DELETE SET NULL;
