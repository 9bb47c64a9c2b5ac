//! Groups as they cross the wire, and the validation of a new one.
use crate::error::{AppError, Problem};
use crate::follows::model::PersonLink;
use crate::posts::model::FeedPage;
use serde::{Deserialize, Serialize};

pub const MAX_NAME_CHARS: usize = 80;
pub const MAX_DESCRIPTION_CHARS: usize = 280;
pub const MAX_ABOUT_CHARS: usize = 10_000;
/// The most people one "Invite people" sends invitations to.
pub const MAX_INVITEES: usize = 50;
/// Groups a directory page lists.
pub const DIRECTORY_PAGE: usize = 50;

/// Who sees a group and its posts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Visibility {
    /// Everyone sees the group and its posts, and joins at once.
    #[default]
    Public,
    /// Everyone sees that it exists; only members see its posts and members.
    Private,
    /// Only members (and invitees) know it exists.
    Secret,
}

impl Visibility {
    pub const ALL: [Visibility; 3] = [Visibility::Public, Visibility::Private, Visibility::Secret];

    /// Its value in forms and in the `visibility` column.
    pub fn key(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Private => "private",
            Visibility::Secret => "secret",
        }
    }

    pub fn from_key(key: &str) -> Option<Visibility> {
        Visibility::ALL.into_iter().find(|v| v.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Visibility::Public => "Public",
            Visibility::Private => "Private",
            Visibility::Secret => "Secret",
        }
    }

    /// What choosing it means, under its radio button.
    pub fn explanation(self) -> &'static str {
        match self {
            Visibility::Public => "Everyone sees the group and its posts, and can join at once.",
            Visibility::Private => {
                "Everyone sees that it exists; only members see its posts and members. People ask to join."
            }
            Visibility::Secret => {
                "Only members know it exists. People join by invitation only."
            }
        }
    }
}

/// A member's role in a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    Owner,
    Admin,
    Member,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Owner, Role::Admin, Role::Member];

    pub fn key(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Admin => "admin",
            Role::Member => "member",
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Owner => "Owner",
            Role::Admin => "Admin",
            Role::Member => "Member",
        }
    }

    /// Owners and admins run the group.
    pub fn manages(self) -> bool {
        matches!(self, Role::Owner | Role::Admin)
    }
}

/// Where a person stands with a group: what decides what they may see and do in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standing {
    pub visibility: Visibility,
    /// Their role, if they are a member.
    pub role: Option<Role>,
    /// Whether they were invited and have not answered.
    pub invited: bool,
    /// Whether they asked to join and have not been answered.
    pub requested: bool,
}

/// A group as its card in the directory shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupSummary {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub visibility: Visibility,
    pub members: i64,
    /// Whether the viewer is a member.
    pub joined: bool,
}

/// A group's page: what it is, where the viewer stands, and (if they may read them) its posts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupView {
    pub summary: GroupSummary,
    pub about_html: String,
    pub standing: Standing,
    /// Which of its posts: all, or its unanswered or answered questions.
    pub filter: crate::questions::model::QuestionFilter,
    /// Its pinned posts (on the first page of all its posts), newest first.
    pub pinned: Vec<crate::posts::model::PostView>,
    /// Its other posts, newest first; `None` when the viewer may not read them.
    pub posts: Option<FeedPage>,
    /// Requests waiting for an admin, counted for admins only.
    pub requests: i64,
}

/// A member as the members page lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub person: PersonLink,
    pub role: Role,
}

/// The members page: the group, where the viewer stands, and its members (owners first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MembersView {
    pub summary: GroupSummary,
    pub standing: Standing,
    pub members: Vec<Member>,
}

/// The requests page: people waiting to join, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestsView {
    pub summary: GroupSummary,
    pub people: Vec<PersonLink>,
}

/// A place a post can go, as the composer offers it, with how many people will see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AudienceChoice {
    /// The composer's `audience` value: "everyone", or a group's id.
    pub value: String,
    /// Its option's text: "Everyone", or the group's name.
    pub label: String,
    /// The who-will-see line: "Everyone in Acme (2,314 people)".
    pub reach: String,
}

/// The event that someone joined or left a group (or was removed), to them alone: their open
/// live stream reads their groups again, so it follows the group's posts from then on, or
/// stops at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MembershipChanged {
    pub group_id: i64,
    pub person_id: i64,
    pub member: bool,
}

impl crate::events::Event for MembershipChanged {
    const KIND: &'static str = "group.membership";
}

/// The composer's `audience` for the whole organization.
pub const EVERYONE: &str = "everyone";

/// "Everyone in Acme (2,314 people)".
pub fn organization_reach(organization: &str, people: i64) -> String {
    format!("Everyone in {organization} ({})", people_count(people))
}

/// "Members of Design Guild (12 people)", "Members of the secret group Project Falcon (5 people)".
pub fn group_reach(name: &str, visibility: Visibility, members: i64) -> String {
    // Private and public groups are known to all; a secret one is named as such, so nobody
    // mistakes what they write there for something everyone may read.
    let kind = if visibility == Visibility::Secret {
        "the secret group "
    } else {
        ""
    };
    format!("Members of {kind}{name} ({})", people_count(members))
}

/// "1 person", "2,314 people".
pub fn people_count(count: i64) -> String {
    if count == 1 {
        "1 person".into()
    } else {
        format!("{} people", with_thousands(count))
    }
}

/// "1 member", "12 members".
pub fn members_label(count: i64) -> String {
    if count == 1 {
        "1 member".into()
    } else {
        format!("{} members", with_thousands(count))
    }
}

fn with_thousands(n: i64) -> String {
    let digits = n.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

/// The address of the group `id`'s page.
pub fn href(id: i64) -> String {
    format!("/groups/{id}")
}

pub const NAME_EMPTY: Problem = Problem::new("group-name-empty", "Give the group a name.");
pub const NAME_LONG: Problem = Problem::new(
    "group-name-long",
    "Group names can be at most 80 characters.",
);
pub const DESCRIPTION_LONG: Problem = Problem::new(
    "group-description-long",
    "The description can be at most 280 characters: say in a sentence what the group is for, and put the rest in About.",
);
pub const ABOUT_LONG: Problem = Problem::new(
    "group-about-long",
    "About can be at most 10,000 characters.",
);
pub const VISIBILITY_UNKNOWN: Problem = Problem::new(
    "group-visibility-unknown",
    "Choose who can see the group: Public, Private or Secret.",
);
pub const NOT_A_MEMBER: Problem = Problem::new(
    "group-not-a-member",
    "Only members of the group can do that. Join it first.",
);
pub const NOT_AN_ADMIN: Problem = Problem::new(
    "group-not-an-admin",
    "Only the group's owners and admins can do that.",
);
pub const CANNOT_JOIN: Problem = Problem::new(
    "group-cannot-join",
    "This group is not open to join: ask to join, or ask a member to invite you.",
);
pub const LAST_OWNER: Problem = Problem::new(
    "group-last-owner",
    "You are the group's only owner: make another member an owner before you leave or step down.",
);
pub const NO_INVITEES: Problem = Problem::new(
    "group-no-invitees",
    "Name at least one colleague to invite: their name, handle or email, separated by commas.",
);
pub const INVITEES_UNKNOWN: Problem = Problem::new(
    "group-invitees-unknown",
    "Some of the people you named could not be found. Use their handle (as in @ada) or their email.",
);
pub const TOO_MANY_INVITEES: Problem = Problem::new(
    "group-too-many-invitees",
    "Invite at most 50 people at a time.",
);
pub const AUDIENCE_UNKNOWN: Problem = Problem::new(
    "audience-unknown",
    "You can post to everyone, or to a group you are a member of.",
);

/// Every problem groups can come back with.
pub const PROBLEMS: &[Problem] = &[
    NAME_EMPTY,
    NAME_LONG,
    DESCRIPTION_LONG,
    ABOUT_LONG,
    VISIBILITY_UNKNOWN,
    NOT_A_MEMBER,
    NOT_AN_ADMIN,
    CANNOT_JOIN,
    LAST_OWNER,
    NO_INVITEES,
    INVITEES_UNKNOWN,
    TOO_MANY_INVITEES,
    AUDIENCE_UNKNOWN,
];

/// A new group's fields, trimmed and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewGroup {
    pub name: String,
    pub description: String,
    pub about_md: String,
    pub visibility: Visibility,
}

/// What a group's form sent, unchecked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupFields {
    pub name: String,
    pub description: String,
    pub about: String,
    pub visibility: String,
}

impl GroupFields {
    pub fn parse(&self) -> Result<NewGroup, AppError> {
        parse_new_group(&self.name, &self.description, &self.about, &self.visibility)
    }
}

/// A group's fields as its edit form starts from them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditableGroup {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub about: String,
    pub visibility: Visibility,
}

/// Checks what the create form sent.
pub fn parse_new_group(
    name: &str,
    description: &str,
    about: &str,
    visibility: &str,
) -> Result<NewGroup, AppError> {
    let name = name.trim();
    let description = description.trim();
    let about_md = about.trim();
    if name.is_empty() {
        return Err(AppError::invalid(NAME_EMPTY));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(AppError::invalid(NAME_LONG));
    }
    if description.chars().count() > MAX_DESCRIPTION_CHARS {
        return Err(AppError::invalid(DESCRIPTION_LONG));
    }
    if about_md.chars().count() > MAX_ABOUT_CHARS {
        return Err(AppError::invalid(ABOUT_LONG));
    }
    let visibility =
        Visibility::from_key(visibility).ok_or(AppError::invalid(VISIBILITY_UNKNOWN))?;
    Ok(NewGroup {
        name: name.to_string(),
        description: description.to_string(),
        about_md: about_md.to_string(),
        visibility,
    })
}

/// The names, handles or emails in an "Invite people" field: split at commas, semicolons and
/// line breaks, a leading `@` dropped.
pub fn parse_invitees(raw: &str) -> Result<Vec<String>, AppError> {
    let mut names: Vec<String> = raw
        .split([',', ';', '\n'])
        .map(|n| n.trim().trim_start_matches('@').trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    names.dedup();
    if names.is_empty() {
        return Err(AppError::invalid(NO_INVITEES));
    }
    if names.len() > MAX_INVITEES {
        return Err(AppError::invalid(TOO_MANY_INVITEES));
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_groups_need_a_name_and_a_known_visibility() {
        assert!(parse_new_group(" ", "", "", "public").is_err());
        assert!(parse_new_group(&"x".repeat(81), "", "", "public").is_err());
        assert!(parse_new_group("Design", "", "", "open").is_err());
        let made = parse_new_group(" Design Guild ", " Pixels ", "", "secret").unwrap();
        assert_eq!(made.name, "Design Guild");
        assert_eq!(made.description, "Pixels");
        assert_eq!(made.visibility, Visibility::Secret);
    }

    #[test]
    fn invitees_are_split_and_trimmed() {
        assert_eq!(
            parse_invitees("@ada, bob@example.com;\n Grace Hopper ,").unwrap(),
            vec!["ada", "bob@example.com", "Grace Hopper"]
        );
        assert!(parse_invitees(" , ").is_err());
    }

    #[test]
    fn reach_lines_say_who_will_see() {
        assert_eq!(
            organization_reach("Acme", 2314),
            "Everyone in Acme (2,314 people)"
        );
        assert_eq!(
            group_reach("Design Guild", Visibility::Public, 12),
            "Members of Design Guild (12 people)"
        );
        assert_eq!(
            group_reach("Project Falcon", Visibility::Secret, 5),
            "Members of the secret group Project Falcon (5 people)"
        );
        assert_eq!(people_count(1), "1 person");
        assert_eq!(members_label(1_000_000), "1,000,000 members");
    }
}
