-- Profiles move out of `users` into a table of their own, which only the people capability
-- writes; `users` keeps who someone is and how they sign in, which only accounts (auth) write.
CREATE TABLE profiles (
    user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT '',
    about TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    time_zone TEXT NOT NULL DEFAULT ''
);
INSERT INTO profiles (user_id, title, department, about, location, time_zone)
    SELECT id, title, department, about, location, time_zone FROM users;
ALTER TABLE users DROP COLUMN title;
ALTER TABLE users DROP COLUMN department;
ALTER TABLE users DROP COLUMN about;
ALTER TABLE users DROP COLUMN location;
ALTER TABLE users DROP COLUMN time_zone;
