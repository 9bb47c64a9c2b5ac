//! The policy: the one place that answers "may this person see or do that". Pages, server
//! functions, the live stream and its replay all ask here; nothing else decides.
//!
//! Reading is decided once per request or stream: [`read_scope`] turns the viewer into a
//! [`ReadScope`] (only this module can make one), and every store read of content takes it and
//! applies it inside its SQL. Content carries an [`Audience`]: the whole organization, one
//! person, or a group. Groups themselves (who may know one exists, join it, run it) are decided
//! here too, from a person's [`Standing`] with the group.
mod audience;
mod groups;
mod scope;

pub use audience::Audience;
pub use groups::*;
pub use scope::{Reach, ReadScope};

use crate::auth::Viewer;

/// What `viewer` may read: nothing for a stranger; for a member, the organization's content,
/// what is addressed to them, the posts of the groups they belong to (`groups`, their ids) and
/// of public groups, and always what they wrote themselves.
pub fn read_scope(viewer: Option<&Viewer>, groups: &[i64]) -> Option<ReadScope> {
    let viewer = viewer?;
    let mut audiences = vec![
        Audience::Organization.key(),
        Audience::Person(viewer.id).key(),
    ];
    audiences.extend(groups.iter().map(|&id| Audience::Group(id).key()));
    Some(ReadScope::new(viewer.id, audiences))
}

/// Whether what is for `audience` reaches `person_id`: whom a notification about it may go to
/// (a mention of someone outside the audience tells them nothing). For a group's audience,
/// `group` is the person's standing with it.
pub fn reaches(audience: Audience, person_id: i64, group: Option<Standing>) -> bool {
    match audience {
        Audience::Organization => true,
        Audience::Person(id) => id == person_id,
        Audience::Group(_) => group.is_some_and(may_read_group_posts),
    }
}

pub fn can_post(viewer: Option<&Viewer>) -> bool {
    viewer.is_some()
}

/// People edit their own profile; administrators may edit anyone's.
pub fn can_edit_profile(viewer: Option<&Viewer>, profile_user_id: i64) -> bool {
    viewer.is_some_and(|v| can_change(v.id, v.is_admin, profile_user_id))
}

/// Authors edit and delete what they wrote; administrators moderate anything they can see.
/// Also what pages ask to show "Edit" and "Delete" (in the browser, with the viewer's id and
/// whether they are an administrator).
pub fn can_change(viewer_id: i64, is_admin: bool, author_id: i64) -> bool {
    viewer_id == author_id || is_admin
}

/// Who accepts an answer to a question: the person who asked (`asker_id`), an administrator,
/// and the admins of the group it was asked in (`group`: the viewer's standing there).
pub fn may_accept_answer(viewer: &Viewer, asker_id: i64, group: Option<Standing>) -> bool {
    viewer.id == asker_id || viewer.is_admin || group.is_some_and(may_manage_group)
}

/// Only administrators import the directory (and send imported people their activation links).
pub fn can_import_people(viewer: Option<&Viewer>) -> bool {
    viewer.is_some_and(|v| v.is_admin)
}

/// Any member may invite a colleague.
pub fn can_invite(viewer: Option<&Viewer>) -> bool {
    viewer.is_some()
}

/// How a person asks to join.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinTicket {
    /// No invite link: only their email domain can let them in.
    None,
    /// An invite link that is unused and not expired.
    ValidInvite,
    /// An invite link that was used already or has expired.
    SpentInvite,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinDecision {
    /// Allowed by the email domain.
    ByDomain,
    /// Allowed by the invite, which is used up by joining.
    ByInvite,
    Refused(JoinRefusal),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinRefusal {
    DomainNotAllowed,
    InviteSpent,
}

impl JoinRefusal {
    pub fn problem(self) -> crate::error::Problem {
        match self {
            JoinRefusal::DomainNotAllowed => crate::auth::model::DOMAIN_NOT_ALLOWED,
            JoinRefusal::InviteSpent => crate::auth::model::INVITE_SPENT,
        }
    }
}

/// Anyone whose email domain is allowed may join; anyone else needs a valid invite.
pub fn may_join(
    email_domain: &str,
    allowed_domains: &[String],
    ticket: JoinTicket,
) -> JoinDecision {
    if allowed_domains
        .iter()
        .any(|d| d.eq_ignore_ascii_case(email_domain))
    {
        return JoinDecision::ByDomain;
    }
    match ticket {
        JoinTicket::ValidInvite => JoinDecision::ByInvite,
        JoinTicket::SpentInvite => JoinDecision::Refused(JoinRefusal::InviteSpent),
        JoinTicket::None => JoinDecision::Refused(JoinRefusal::DomainNotAllowed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: i64, is_admin: bool) -> Viewer {
        Viewer {
            id,
            handle: format!("p{id}"),
            name: "P".into(),
            is_admin,
        }
    }

    #[test]
    fn only_members_read_and_post() {
        assert!(read_scope(None, &[]).is_none());
        assert!(!can_post(None));
        assert!(read_scope(Some(&person(2, false)), &[]).is_some());
        assert!(can_post(Some(&person(2, false))));
    }

    #[test]
    fn a_scope_sees_the_organization_its_own_audience_and_its_own_writing() {
        let bob = read_scope(Some(&person(2, false)), &[5]).unwrap();
        let admin = read_scope(Some(&person(3, true)), &[]).unwrap();
        let org = Audience::Organization.key();
        let to_bob = Audience::Person(2).key();
        assert!(bob.may_see(&org, 1));
        assert!(bob.may_see(&to_bob, 1));
        assert!(
            !admin.may_see(&to_bob, 1),
            "administrators read what members read"
        );
        assert!(admin.may_see(&to_bob, 3), "authors see what they wrote");
        let group = Audience::Group(5).key();
        assert!(bob.may_see(&group, 1), "members see their group's posts");
        assert!(
            !admin.may_see(&group, 1),
            "administrators of the organization are not members of every group"
        );
    }

    #[test]
    fn profiles_are_edited_by_their_owner_or_an_admin() {
        assert!(can_edit_profile(Some(&person(1, false)), 1));
        assert!(!can_edit_profile(Some(&person(2, false)), 1));
        assert!(can_edit_profile(Some(&person(3, true)), 1));
        assert!(!can_edit_profile(None, 1));
        assert!(can_import_people(Some(&person(3, true))));
        assert!(!can_import_people(Some(&person(1, false))));
    }

    #[test]
    fn joining_needs_an_allowed_domain_or_a_valid_invite() {
        let allowed = vec!["example.org".to_string()];
        assert_eq!(
            may_join("example.org", &allowed, JoinTicket::None),
            JoinDecision::ByDomain
        );
        assert_eq!(
            may_join("EXAMPLE.org", &allowed, JoinTicket::SpentInvite),
            JoinDecision::ByDomain
        );
        assert_eq!(
            may_join("other.com", &allowed, JoinTicket::ValidInvite),
            JoinDecision::ByInvite
        );
        assert_eq!(
            may_join("other.com", &allowed, JoinTicket::SpentInvite),
            JoinDecision::Refused(JoinRefusal::InviteSpent)
        );
        assert_eq!(
            may_join("other.com", &allowed, JoinTicket::None),
            JoinDecision::Refused(JoinRefusal::DomainNotAllowed)
        );
    }
}
