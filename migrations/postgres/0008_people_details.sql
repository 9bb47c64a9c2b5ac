-- Richer profiles, managers (the org chart) and the directory's search terms.
ALTER TABLE profiles ADD COLUMN pronouns TEXT NOT NULL DEFAULT '';
ALTER TABLE profiles ADD COLUMN phone TEXT NOT NULL DEFAULT '';
-- Comma-separated, as shown: "Rust, Accessibility".
ALTER TABLE profiles ADD COLUMN ask_me_about TEXT NOT NULL DEFAULT '';
ALTER TABLE profiles ADD COLUMN languages TEXT NOT NULL DEFAULT '';
-- One address per line.
ALTER TABLE profiles ADD COLUMN links TEXT NOT NULL DEFAULT '';
ALTER TABLE profiles ADD COLUMN manager_id BIGINT REFERENCES users (id) ON DELETE SET NULL;
CREATE INDEX profiles_by_manager ON profiles (manager_id);
CREATE INDEX profiles_by_department ON profiles (department);
CREATE INDEX profiles_by_location ON profiles (location);
-- The directory lists people by name.
CREATE INDEX users_by_name ON users (name, id);

-- Every word of a person's name, handle, title and "Ask me about", lowercased and without
-- accents ("Zoë" is "zoe"), for prefix search by index range. Kept by the people store.
CREATE TABLE people_terms (
    term TEXT COLLATE "C" NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (term, user_id)
);
CREATE INDEX people_terms_by_user ON people_terms (user_id, term);
