//! A directory import as it crosses the wire: what a file would change, row by row, and the
//! problems an upload or an import can come back with.
use crate::error::Problem;
use serde::{Deserialize, Serialize};

/// The import page.
pub const IMPORT_PATH: &str = "/admin/people/import";
/// Where its upload form posts (a plain route: a file does not fit a server function).
pub const UPLOAD_PATH: &str = "/admin/people/import/upload";

/// The import page of the uploaded file `id`.
pub fn import_page(id: i64) -> String {
    format!("{IMPORT_PATH}?id={id}")
}

/// The columns every file starts with, in this order.
pub const REQUIRED_COLUMNS: [&str; 6] = [
    "name",
    "email",
    "title",
    "department",
    "location",
    "manager_email",
];
/// Columns a file may add after them, in any order.
pub const OPTIONAL_COLUMNS: [&str; 5] = [
    "pronouns",
    "phone",
    "time_zone",
    "ask_me_about",
    "languages",
];
/// The largest file an import takes.
pub const MAX_FILE_MB: u64 = 5;
pub const MAX_FILE_BYTES: u64 = MAX_FILE_MB * 1024 * 1024;
/// The most people one file may hold.
pub const MAX_ROWS: usize = 20_000;
/// Rows listed on the preview page; the counts always cover the whole file.
pub const ROWS_SHOWN: usize = 500;

pub const CSV_MISSING: Problem = Problem::new("csv-missing", "Choose a CSV file to preview.");
pub const CSV_TOO_LARGE: Problem = Problem::new(
    "csv-too-large",
    "That file is larger than 5 MB. Split it into smaller files and import them one after the other.",
);
pub const CSV_NOT_TEXT: Problem = Problem::new(
    "csv-not-text",
    "That file is not UTF-8 text. Save it as “CSV UTF-8” from your spreadsheet and try again.",
);
pub const CSV_HEADER: Problem = Problem::new(
    "csv-header",
    "The first line must name the columns: name,email,title,department,location,manager_email, optionally followed by pronouns,phone,time_zone,ask_me_about,languages.",
);
pub const CSV_EMPTY: Problem = Problem::new(
    "csv-empty",
    "That file has a header but no people. Add one line per person under it.",
);
pub const CSV_TOO_MANY_ROWS: Problem = Problem::new(
    "csv-too-many-rows",
    "That file has more than 20,000 people. Split it into smaller files and import them one after the other.",
);
pub const IMPORT_HAS_ERRORS: Problem = Problem::new(
    "import-has-errors",
    "Nothing was imported: some rows have errors. Fix them in the file and preview it again.",
);
pub const IMPORT_DONE: Problem = Problem::new(
    "import-done",
    "This file was already imported. To import changes, preview the file again.",
);
pub const ADMINS_ONLY: Problem =
    Problem::new("admins-only", "Only administrators can import people.");

/// Every problem an import can come back with.
pub const PROBLEMS: &[Problem] = &[
    CSV_MISSING,
    CSV_TOO_LARGE,
    CSV_NOT_TEXT,
    CSV_HEADER,
    CSV_EMPTY,
    CSV_TOO_MANY_ROWS,
    IMPORT_HAS_ERRORS,
    IMPORT_DONE,
    ADMINS_ONLY,
];

/// What importing a row does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    /// A new person, with an account they activate through a link.
    Create,
    /// An existing person whose details change; the fields that change, as the file names them.
    Update(Vec<String>),
    Unchanged,
    /// The row cannot be imported, and why.
    Error(String),
}

impl Change {
    /// How the preview's "On import" column says it.
    pub fn text(&self) -> String {
        match self {
            Change::Create => "created".into(),
            Change::Update(fields) => format!("updated: {}", fields.join(", ")),
            Change::Unchanged => "unchanged".into(),
            Change::Error(reason) => reason.clone(),
        }
    }
}

/// One row of the file: its line (the header is line 1), who it names, and what it does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedRow {
    pub line: u64,
    pub name: String,
    pub email: String,
    pub change: Change,
}

/// How many rows do what.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub errors: usize,
}

impl Counts {
    pub fn rows(&self) -> usize {
        self.created + self.updated + self.unchanged + self.errors
    }
}

/// An uploaded file, as the import page shows it: before importing, what it would do; after,
/// what it did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub id: i64,
    pub file_name: String,
    pub counts: Counts,
    /// Every row with an error, by line.
    pub errors: Vec<PlannedRow>,
    /// The first [`ROWS_SHOWN`] rows without one.
    pub rows: Vec<PlannedRow>,
    /// When it was imported, with what it did then.
    pub imported: Option<Counts>,
    /// People in the file who have not activated their account yet (after importing).
    pub not_activated: usize,
}
