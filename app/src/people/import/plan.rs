//! What importing a file would do, decided from the file and the people as they are now:
//! every row checked (email, fields, manager, loops in the chain, repeats), and for the rows
//! that change something, the write that does it. Pure, so the preview and the import itself
//! (which plans again inside its transaction) always agree.
use super::csv_file::{Column, CsvFile, Row};
use super::model::{Change, Counts, PlannedRow};
use crate::auth::model::{parse_email, parse_person_name};
use crate::people::model::{ProfileEdit, ProfileForm, MANAGER_SELF};
use crate::people::store::{split_list, Details};
use std::collections::HashMap;

/// Someone already in Commons, as an import compares them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Existing {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub details: Details,
    pub manager_id: Option<i64>,
    /// Whether they have chosen a password (imported people have none until they activate).
    pub activated: bool,
}

/// A person in the org chart once the import is done: someone already here, or the new person
/// of a row (by its index in the file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node {
    Person(i64),
    Row(usize),
}

/// A row that creates or changes someone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Write {
    /// The row's index in the file.
    pub row: usize,
    /// Who it changes; `None` makes a new person.
    pub person: Option<i64>,
    pub email: String,
    pub name: String,
    pub details: Details,
    pub manager: Option<Node>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Every row of the file, in its order.
    pub rows: Vec<PlannedRow>,
    /// The rows that create or update someone (only worth applying when no row has an error).
    pub writes: Vec<Write>,
}

impl Plan {
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for row in &self.rows {
            match row.change {
                Change::Create => counts.created += 1,
                Change::Update(_) => counts.updated += 1,
                Change::Unchanged => counts.unchanged += 1,
                Change::Error(_) => counts.errors += 1,
            }
        }
        counts
    }
}

/// A row read so far: who it names, or why it cannot be imported.
struct Checked {
    email: String,
    name: String,
    details: Details,
    manager_email: String,
    error: Option<String>,
}

/// Plans `file` against `people` (everyone now in Commons); `known_zone` says whether a time
/// zone name exists.
pub fn plan(file: &CsvFile, people: &[Existing], known_zone: impl Fn(&str) -> bool) -> Plan {
    let by_email: HashMap<&str, &Existing> = people.iter().map(|p| (p.email.as_str(), p)).collect();
    let mut checked: Vec<Checked> = file
        .rows
        .iter()
        .map(|row| check(file, row, &by_email, &known_zone))
        .collect();

    // The first row with an email is the one that counts; later ones are mistakes.
    let mut first_line: HashMap<String, (usize, u64)> = HashMap::new();
    for (i, row) in checked.iter_mut().enumerate() {
        if row.email.is_empty() {
            continue;
        }
        match first_line.get(&row.email) {
            Some(&(_, line)) => {
                row.error
                    .get_or_insert(format!("Duplicate email: also on line {line}."));
            }
            None => {
                first_line.insert(row.email.clone(), (i, file.rows[i].line));
            }
        }
    }
    let node_of = |email: &str| -> Option<Node> {
        match by_email.get(email) {
            Some(person) => Some(Node::Person(person.id)),
            None => first_line.get(email).map(|&(i, _)| Node::Row(i)),
        }
    };

    // Managers as the file names them.
    let mut managers: Vec<Option<Node>> = vec![None; checked.len()];
    for (i, row) in checked.iter_mut().enumerate() {
        if row.error.is_some() || row.manager_email.is_empty() {
            continue;
        }
        match parse_email(&row.manager_email)
            .ok()
            .and_then(|m| node_of(&m))
        {
            None => {
                row.error = Some(format!(
                    "Unknown manager: nobody in the file or in Commons has the email “{}”.",
                    row.manager_email
                ))
            }
            Some(manager) if Some(manager) == node_of(&row.email) => {
                row.error = Some(MANAGER_SELF.text.to_string())
            }
            Some(manager) => managers[i] = Some(manager),
        }
    }
    for (i, looped) in loops(&checked, &managers, people, &node_of) {
        checked[i].error.get_or_insert(looped);
    }

    let mut rows = Vec::with_capacity(checked.len());
    let mut writes = Vec::new();
    for (i, row) in checked.into_iter().enumerate() {
        let existing = by_email.get(row.email.as_str()).copied();
        let change = match (&row.error, existing) {
            (Some(error), _) => Change::Error(error.clone()),
            (None, None) => Change::Create,
            (None, Some(person)) => {
                let changed = changed_fields(&row, managers[i], person);
                if changed.is_empty() {
                    Change::Unchanged
                } else {
                    Change::Update(changed)
                }
            }
        };
        if matches!(change, Change::Create | Change::Update(_)) {
            writes.push(Write {
                row: i,
                person: existing.map(|p| p.id),
                email: row.email.clone(),
                name: row.name.clone(),
                details: row.details.clone(),
                manager: managers[i],
            });
        }
        rows.push(PlannedRow {
            line: file.rows[i].line,
            name: row.name,
            email: row.email,
            change,
        });
    }
    Plan { rows, writes }
}

/// Reads one row's cells; optional columns the file leaves out keep what the person has.
fn check(
    file: &CsvFile,
    row: &Row,
    by_email: &HashMap<&str, &Existing>,
    known_zone: &impl Fn(&str) -> bool,
) -> Checked {
    let cell = |column| file.cell(row, column);
    let email = parse_email(cell(Column::Email)).unwrap_or_default();
    let mut checked = Checked {
        email: email.clone(),
        name: cell(Column::Name).to_string(),
        details: Details::default(),
        manager_email: cell(Column::ManagerEmail).to_string(),
        error: None,
    };
    let fail = |mut checked: Checked, error: String| {
        checked.error = Some(error);
        checked
    };
    if let Some(width) = row.wrong_width {
        let wanted = file.columns.len();
        return fail(
            checked,
            format!("This line has {width} cells; the header has {wanted}."),
        );
    }
    if email.is_empty() {
        let typed = cell(Column::Email);
        return fail(
            checked,
            if typed.is_empty() {
                "The email is missing.".into()
            } else {
                format!("Not a valid email address: “{typed}”.")
            },
        );
    }
    if parse_person_name(cell(Column::Name)).is_err() {
        let error = if cell(Column::Name).is_empty() {
            "The name is missing.".into()
        } else {
            "The name can be at most 100 characters.".into()
        };
        return fail(checked, error);
    }
    let edit = ProfileEdit::parse(ProfileForm {
        name: cell(Column::Name),
        pronouns: cell(Column::Pronouns),
        title: cell(Column::Title),
        department: cell(Column::Department),
        location: cell(Column::Location),
        time_zone: cell(Column::TimeZone),
        phone: cell(Column::Phone),
        ask_me_about: cell(Column::AskMeAbout),
        languages: cell(Column::Languages),
        ..Default::default()
    });
    let edit = match edit {
        Ok(edit) => edit,
        Err(error) => return fail(checked, error.to_string()),
    };
    if !edit.time_zone.is_empty() && !known_zone(&edit.time_zone) {
        return fail(
            checked,
            format!(
                "Unknown time zone “{}”: use a name like Europe/Paris or America/New_York.",
                edit.time_zone
            ),
        );
    }
    // What the file leaves out stays as it is.
    let kept = by_email
        .get(email.as_str())
        .map(|p| p.details.clone())
        .unwrap_or_default();
    let or_kept = |column, value: String, kept: String| {
        if file.has(column) {
            value
        } else {
            kept
        }
    };
    checked.name = edit.name;
    checked.details = Details {
        title: edit.title,
        department: edit.department,
        location: edit.location,
        pronouns: or_kept(Column::Pronouns, edit.pronouns, kept.pronouns),
        phone: or_kept(Column::Phone, edit.phone, kept.phone),
        time_zone: or_kept(Column::TimeZone, edit.time_zone, kept.time_zone),
        ask_me_about: or_kept(
            Column::AskMeAbout,
            edit.ask_me_about.join(", "),
            kept.ask_me_about,
        ),
        languages: or_kept(Column::Languages, edit.languages.join(", "), kept.languages),
    };
    checked
}

/// The columns (by their names in the file) whose values differ from what `person` has now.
fn changed_fields(row: &Checked, manager: Option<Node>, person: &Existing) -> Vec<String> {
    let (new, old) = (&row.details, &person.details);
    let same_list = |a: &str, b: &str| split_list(a) == split_list(b);
    let columns = [
        ("name", row.name == person.name),
        ("title", new.title == old.title),
        ("department", new.department == old.department),
        ("location", new.location == old.location),
        (
            "manager_email",
            manager == person.manager_id.map(Node::Person),
        ),
        ("pronouns", new.pronouns == old.pronouns),
        ("phone", new.phone == old.phone),
        ("time_zone", new.time_zone == old.time_zone),
        (
            "ask_me_about",
            same_list(&new.ask_me_about, &old.ask_me_about),
        ),
        ("languages", same_list(&new.languages, &old.languages)),
    ];
    columns
        .into_iter()
        .filter(|(_, same)| !same)
        .map(|(name, _)| name.to_string())
        .collect()
}

/// The rows whose person would end up in a loop of managers, each with the loop in words.
/// Managers are followed as they will be after the import: the file's for its people, the
/// current ones for everyone else.
fn loops(
    rows: &[Checked],
    managers: &[Option<Node>],
    people: &[Existing],
    node_of: &impl Fn(&str) -> Option<Node>,
) -> Vec<(usize, String)> {
    let mut manager_of: HashMap<Node, Node> = people
        .iter()
        .filter_map(|p| Some((Node::Person(p.id), Node::Person(p.manager_id?))))
        .collect();
    let mut row_of: HashMap<Node, usize> = HashMap::new();
    let mut starts: Vec<Node> = Vec::new();
    let mut email_of: HashMap<Node, &str> = people
        .iter()
        .map(|p| (Node::Person(p.id), p.email.as_str()))
        .collect();
    for (i, row) in rows.iter().enumerate() {
        let Some(node) = node_of(&row.email).filter(|_| row.error.is_none()) else {
            continue;
        };
        if row_of.contains_key(&node) {
            continue;
        }
        row_of.insert(node, i);
        starts.push(node);
        email_of.insert(node, &row.email);
        match managers[i] {
            Some(manager) => manager_of.insert(node, manager),
            None => manager_of.remove(&node),
        };
    }
    // Follow each chain once, in the file's order (so a loop is always told the same way); a
    // chain that comes back to a person of its own walk is a loop.
    let mut done: std::collections::HashSet<Node> = Default::default();
    let mut found = Vec::new();
    for start in starts {
        let mut walk: Vec<Node> = Vec::new();
        let mut current = Some(start);
        while let Some(node) = current {
            if done.contains(&node) {
                break;
            }
            if let Some(at) = walk.iter().position(|n| *n == node) {
                let cycle = &walk[at..];
                let mut words: Vec<&str> = cycle.iter().map(|n| email_of[n]).collect();
                words.push(email_of[&cycle[0]]);
                let text = format!("Loop in the management chain: {}.", words.join(" → "));
                found.extend(
                    cycle
                        .iter()
                        .filter_map(|n| row_of.get(n))
                        .map(|&i| (i, text.clone())),
                );
                break;
            }
            walk.push(node);
            current = manager_of.get(&node).copied();
        }
        done.extend(walk);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::import::csv_file::read;

    const HEADER: &str = "name,email,title,department,location,manager_email";

    fn existing(id: i64, email: &str, manager_id: Option<i64>) -> Existing {
        Existing {
            id,
            email: email.into(),
            name: email.split('@').next().unwrap().into(),
            details: Details::default(),
            manager_id,
            activated: true,
        }
    }

    fn planned(lines: &[&str], people: &[Existing]) -> Plan {
        let text = format!("{HEADER}\n{}\n", lines.join("\n"));
        plan(&read(text.as_bytes()).unwrap(), people, |zone| {
            zone == "Europe/Paris"
        })
    }

    fn changes(plan: &Plan) -> Vec<String> {
        plan.rows.iter().map(|r| r.change.text()).collect()
    }

    #[test]
    fn rows_are_created_updated_or_left_alone() {
        let people = [
            existing(1, "ada@example.org", None),
            existing(2, "bo@example.org", None),
        ];
        let plan = planned(
            &[
                "ada,Ada@Example.org,,,,",
                "Bo Berg,bo@example.org,Designer,,,ada@example.org",
                "Cy,cy@example.org,,,,bo@example.org",
            ],
            &people,
        );
        assert_eq!(
            changes(&plan),
            [
                "unchanged",
                "updated: name, title, manager_email",
                "created"
            ]
        );
        assert_eq!(plan.writes.len(), 2);
        assert_eq!(plan.writes[1].manager, Some(Node::Person(2)));
        assert_eq!(plan.writes[1].person, None);
    }

    #[test]
    fn every_bad_row_says_why_on_its_line() {
        let plan = planned(
            &[
                "Ada,not-an-email,,,,",
                ",bo@example.org,,,,",
                "Cy,cy@example.org,,,,nobody@example.org",
                "Di,di@example.org,,,,di@example.org",
                "Cy again,CY@example.org,,,,",
                "Ed,ed@example.org,,,",
                &format!("Fa,fa@example.org,{},,,", "t".repeat(101)),
            ],
            &[],
        );
        let errors: Vec<(u64, String)> = plan
            .rows
            .iter()
            .map(|r| (r.line, r.change.text()))
            .collect();
        assert_eq!(
            errors,
            [
                (2, "Not a valid email address: “not-an-email”.".to_string()),
                (3, "The name is missing.".into()),
                (4, "Unknown manager: nobody in the file or in Commons has the email “nobody@example.org”.".into()),
                (5, MANAGER_SELF.text.to_string()),
                (6, "Duplicate email: also on line 4.".into()),
                (7, "This line has 5 cells; the header has 6.".into()),
                (8, crate::people::model::TITLE_LONG.text.to_string()),
            ]
        );
        assert_eq!(plan.counts().errors, 7);
    }

    #[test]
    fn a_loop_through_the_file_and_the_people_here_is_found() {
        // Ada already reports to Bo; the file makes Bo report to Cy, and Cy to Ada.
        let people = [
            existing(1, "ada@example.org", Some(2)),
            existing(2, "bo@example.org", None),
        ];
        let plan = planned(
            &[
                "Bo,bo@example.org,,,,cy@example.org",
                "Cy,cy@example.org,,,,ada@example.org",
                "Di,di@example.org,,,,cy@example.org",
            ],
            &people,
        );
        let texts = changes(&plan);
        assert!(
            texts[0].starts_with("Loop in the management chain: "),
            "{texts:?}"
        );
        assert!(texts[0].contains("ada@example.org") && texts[0].contains("cy@example.org"));
        assert_eq!(texts[1], texts[0]);
        assert_eq!(
            texts[2], "created",
            "Di reports into the loop but is not in it"
        );
        // Moving Ada out of Bo's team in the same file breaks the loop.
        let fixed = planned(
            &[
                "Bo,bo@example.org,,,,cy@example.org",
                "Cy,cy@example.org,,,,ada@example.org",
                "ada,ada@example.org,,,,",
            ],
            &people,
        );
        assert_eq!(
            changes(&fixed),
            [
                "updated: name, manager_email",
                "created",
                "updated: manager_email"
            ]
        );
    }

    #[test]
    fn optional_columns_left_out_keep_what_people_have() {
        let mut ada = existing(1, "ada@example.org", None);
        ada.details.phone = "+44 20 7946 0000".into();
        ada.details.ask_me_about = "Rust, Go".into();
        let text = format!(
            "{HEADER},ask_me_about,time_zone\nada,ada@example.org,,,,,\"Rust,  Go\",Mars/Olympus\n"
        );
        let plan = plan(&read(text.as_bytes()).unwrap(), &[ada.clone()], |_| false);
        assert!(changes(&plan)[0].starts_with("Unknown time zone “Mars/Olympus”"));
        let text = format!("{HEADER},ask_me_about\nada,ada@example.org,,,,,\"Rust,  Go\"\n");
        let plan = super::plan(&read(text.as_bytes()).unwrap(), &[ada], |_| true);
        assert_eq!(changes(&plan), ["unchanged"]);
    }
}
