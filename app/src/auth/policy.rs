//! The policy: the one place that answers "may this person see or do that". Pages, server
//! functions and the live stream all ask here; nothing else decides.
//!
//! Today an organization is one open space: every member sees every post. Groups and private
//! spaces will add their rules here, and every path that shows content already asks.
use super::model::Viewer;

/// A member may read the organization's feed, profiles and posts.
pub fn can_read(viewer: Option<&Viewer>) -> bool {
    viewer.is_some()
}

/// Whether `viewer` may see a post written by `author_id`.
pub fn can_see_post(viewer: Option<&Viewer>, _author_id: i64) -> bool {
    can_read(viewer)
}

pub fn can_post(viewer: Option<&Viewer>) -> bool {
    viewer.is_some()
}

/// People edit their own profile; administrators may edit anyone's.
pub fn can_edit_profile(viewer: Option<&Viewer>, profile_user_id: i64) -> bool {
    viewer.is_some_and(|v| v.id == profile_user_id || v.is_admin)
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
    pub fn message(self) -> &'static str {
        match self {
            JoinRefusal::DomainNotAllowed => {
                "Your email domain is not open for sign-up here. Ask a member for an invite link."
            }
            JoinRefusal::InviteSpent => {
                "This invite link has already been used or has expired. Ask for a new one."
            }
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
        assert!(!can_read(None));
        assert!(!can_see_post(None, 1));
        assert!(!can_post(None));
        assert!(can_see_post(Some(&person(2, false)), 1));
    }

    #[test]
    fn profiles_are_edited_by_their_owner_or_an_admin() {
        assert!(can_edit_profile(Some(&person(1, false)), 1));
        assert!(!can_edit_profile(Some(&person(2, false)), 1));
        assert!(can_edit_profile(Some(&person(3, true)), 1));
        assert!(!can_edit_profile(None, 1));
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
