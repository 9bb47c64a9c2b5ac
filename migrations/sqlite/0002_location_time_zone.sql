-- Where people work and their time zone (IANA name, e.g. Europe/Berlin), shown on profiles.
ALTER TABLE users ADD COLUMN location TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';
