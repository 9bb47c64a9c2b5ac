//! Reading an uploaded CSV file: its header, and its rows as the text they hold, each with its
//! line number (the header is line 1; a quoted cell may span lines).
use super::model::{
    CSV_EMPTY, CSV_HEADER, CSV_NOT_TEXT, CSV_TOO_MANY_ROWS, MAX_ROWS, OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
};
use crate::error::AppError;

/// A column of the file, by what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    Email,
    Title,
    Department,
    Location,
    ManagerEmail,
    Pronouns,
    Phone,
    TimeZone,
    AskMeAbout,
    Languages,
}

impl Column {
    fn named(name: &str) -> Option<Column> {
        Some(match name {
            "name" => Column::Name,
            "email" => Column::Email,
            "title" => Column::Title,
            "department" => Column::Department,
            "location" => Column::Location,
            "manager_email" => Column::ManagerEmail,
            "pronouns" => Column::Pronouns,
            "phone" => Column::Phone,
            "time_zone" => Column::TimeZone,
            "ask_me_about" => Column::AskMeAbout,
            "languages" => Column::Languages,
            _ => return None,
        })
    }
}

/// One line of people data, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: u64,
    /// The cells, one per column of the header (missing cells are `None`).
    cells: Vec<Option<String>>,
    /// How many cells the line had, when not as many as the header.
    pub wrong_width: Option<usize>,
}

/// A file read: which columns it has, and its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvFile {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

impl CsvFile {
    pub fn has(&self, column: Column) -> bool {
        self.columns.contains(&column)
    }

    /// The cell of `row` in `column`, trimmed; empty when the file has no such column.
    pub fn cell<'a>(&self, row: &'a Row, column: Column) -> &'a str {
        self.columns
            .iter()
            .position(|c| *c == column)
            .and_then(|i| row.cells.get(i))
            .and_then(|cell| cell.as_deref())
            .unwrap_or("")
            .trim()
    }
}

/// Reads `bytes` as a CSV file of people. Spreadsheets may start it with a byte-order mark and,
/// in some languages, separate cells with semicolons: both are understood.
pub fn read(bytes: &[u8]) -> Result<CsvFile, AppError> {
    let text = std::str::from_utf8(bytes).map_err(|_| AppError::invalid(CSV_NOT_TEXT))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|_| AppError::invalid(CSV_HEADER))?
        .clone();
    let columns = columns_of(header.iter())?;
    let mut rows = Vec::new();
    for record in reader.records() {
        // The text is UTF-8 and the reader is flexible, so no record can fail to read.
        let record = record.map_err(|_| AppError::invalid(CSV_NOT_TEXT))?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue; // a blank line, or one of only separators, as spreadsheets leave
        }
        if rows.len() == MAX_ROWS {
            return Err(AppError::invalid(CSV_TOO_MANY_ROWS));
        }
        let line = record
            .position()
            .map(|p| first_line_of(text, p))
            .unwrap_or(0);
        let width = record.len();
        rows.push(Row {
            line,
            cells: (0..columns.len())
                .map(|i| record.get(i).map(String::from))
                .collect(),
            wrong_width: (width != columns.len()).then_some(width),
        });
    }
    if rows.is_empty() {
        return Err(AppError::invalid(CSV_EMPTY));
    }
    Ok(CsvFile { columns, rows })
}

/// The line a record starts on. The reader reports where it began reading it, which is before
/// any blank lines it skipped on the way.
fn first_line_of(text: &str, position: &csv::Position) -> u64 {
    let mut line = position.line();
    for byte in text.as_bytes().iter().skip(position.byte() as usize) {
        match byte {
            b'\n' => line += 1,
            b'\r' => {}
            _ => break,
        }
    }
    line
}

/// The header's columns: the required ones first and in order, then optional ones, each once.
fn columns_of<'a>(names: impl Iterator<Item = &'a str>) -> Result<Vec<Column>, AppError> {
    let names: Vec<String> = names.map(|n| n.trim().to_lowercase()).collect();
    let starts_right = names.len() >= REQUIRED_COLUMNS.len()
        && names.iter().zip(REQUIRED_COLUMNS).all(|(n, r)| n == r);
    let rest = &names[REQUIRED_COLUMNS.len().min(names.len())..];
    let mut seen: Vec<&str> = Vec::new();
    let rest_right = rest.iter().all(|name| {
        let fresh = OPTIONAL_COLUMNS.contains(&name.as_str()) && !seen.contains(&name.as_str());
        seen.push(name);
        fresh
    });
    if !starts_right || !rest_right {
        return Err(AppError::invalid(CSV_HEADER));
    }
    Ok(names
        .iter()
        .map(|n| Column::named(n).expect("checked above"))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "name,email,title,department,location,manager_email";

    #[test]
    fn rows_keep_their_line_numbers() {
        let text = format!(
            "{HEADER},time_zone\nAda,ada@example.org,CEO,,London,,Europe/London\n\n\"Bo\nBerg\",bo@example.org,,,,ada@example.org,\nCy,cy@example.org\n"
        );
        let file = read(text.as_bytes()).unwrap();
        assert!(file.has(Column::TimeZone) && !file.has(Column::Phone));
        let lines: Vec<u64> = file.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 4, 6]);
        assert_eq!(file.cell(&file.rows[1], Column::Name), "Bo\nBerg");
        assert_eq!(file.cell(&file.rows[0], Column::TimeZone), "Europe/London");
        assert_eq!(file.cell(&file.rows[0], Column::Phone), "");
        assert_eq!(file.rows[2].wrong_width, Some(2));
        assert_eq!(file.rows[0].wrong_width, None);
        let windows = format!("{HEADER}\r\nAda,a@x.org,,,,\r\n\r\n\r\nBo,b@x.org,,,,\r\n");
        let lines: Vec<u64> = read(windows.as_bytes())
            .unwrap()
            .rows
            .iter()
            .map(|r| r.line)
            .collect();
        assert_eq!(lines, vec![2, 5]);
    }

    #[test]
    fn spreadsheet_habits_are_understood() {
        let text =
            "\u{feff}Name;Email;Title;Department;Location;Manager_Email\nAda;ada@example.org;;;;\n";
        let file = read(text.as_bytes()).unwrap();
        assert_eq!(file.cell(&file.rows[0], Column::Email), "ada@example.org");
    }

    #[test]
    fn a_wrong_file_is_refused_whole() {
        let refused = |text: &[u8]| read(text).unwrap_err();
        assert_eq!(refused(b"\xff\xfe\x00n"), AppError::invalid(CSV_NOT_TEXT));
        assert_eq!(refused(b"email,name\nx,y"), AppError::invalid(CSV_HEADER));
        let doubled = format!("{HEADER},phone,phone\n");
        assert_eq!(refused(doubled.as_bytes()), AppError::invalid(CSV_HEADER));
        let unknown = format!("{HEADER},salary\n");
        assert_eq!(refused(unknown.as_bytes()), AppError::invalid(CSV_HEADER));
        assert_eq!(
            refused(format!("{HEADER}\n\n").as_bytes()),
            AppError::invalid(CSV_EMPTY)
        );
    }
}
