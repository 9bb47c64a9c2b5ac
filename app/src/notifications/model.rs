//! Notifications as they cross the wire, and the words each one reads as.
use crate::conversations::model::{Item, ItemKind};
use serde::{Deserialize, Serialize};

/// Notifications per page.
pub const PAGE: usize = 20;
/// The bell counts unread notifications up to this, then says "99+".
pub const MAX_COUNTED: i64 = 100;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoticeKind {
    /// Someone commented on the person's post.
    Comment,
    /// Someone replied to the person's comment.
    Reply,
    /// Someone mentioned the person in a post or comment.
    Mention,
    /// People reacted to the person's post or comment (one line per item).
    Reaction,
    /// Someone started following the person.
    Follow,
    /// Someone accepted the person's answer to a question.
    Accepted,
    /// Someone invited the person to a group.
    Invited,
    /// An owner or admin of a group removed the person's post from it (with the reason).
    Removed,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 8] = [
        NoticeKind::Comment,
        NoticeKind::Reply,
        NoticeKind::Mention,
        NoticeKind::Reaction,
        NoticeKind::Follow,
        NoticeKind::Accepted,
        NoticeKind::Invited,
        NoticeKind::Removed,
    ];

    pub fn key(self) -> &'static str {
        match self {
            NoticeKind::Comment => "comment",
            NoticeKind::Reply => "reply",
            NoticeKind::Mention => "mention",
            NoticeKind::Reaction => "reaction",
            NoticeKind::Follow => "follow",
            NoticeKind::Accepted => "accepted",
            NoticeKind::Invited => "invited",
            NoticeKind::Removed => "removed",
        }
    }

    pub fn from_key(key: &str) -> Option<NoticeKind> {
        Self::ALL.into_iter().find(|kind| kind.key() == key)
    }
}

/// One notification as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub id: i64,
    pub kind: NoticeKind,
    pub actor_handle: String,
    pub actor_name: String,
    pub actor_photo: Option<i64>,
    /// How many others did the same (reactions to one item).
    pub others: i64,
    pub item: Option<Item>,
    pub post_id: Option<i64>,
    /// The group it is about (an invitation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<crate::posts::model::GroupLink>,
    /// What it says beyond who did what: the reason a post was removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub unread: bool,
    pub created_at: i64,
}

impl Notice {
    /// What happened, after the actor's name: "commented on your post".
    pub fn what(&self) -> String {
        let thing = match self.item.map(|item| item.kind) {
            Some(ItemKind::Comment) => "comment",
            _ => "post",
        };
        match self.kind {
            NoticeKind::Comment => "commented on your post".into(),
            NoticeKind::Reply => "replied to your comment".into(),
            NoticeKind::Mention => format!("mentioned you in a {thing}"),
            NoticeKind::Reaction => format!("reacted to your {thing}"),
            NoticeKind::Follow => "started following you".into(),
            NoticeKind::Accepted => "accepted your answer".into(),
            NoticeKind::Invited => format!("invited you to {}", self.group_name()),
            NoticeKind::Removed => format!("removed your post from {}", self.group_name()),
        }
    }

    fn group_name(&self) -> &str {
        self.group
            .as_ref()
            .map_or("a group", |group| group.name.as_str())
    }

    /// " and 4 others" when others did the same, else nothing.
    pub fn and_others(&self) -> String {
        match self.others {
            0 => String::new(),
            1 => " and 1 other".into(),
            n => format!(" and {n} others"),
        }
    }

    /// The whole line: "Ana and 4 others reacted to your post".
    pub fn text(&self) -> String {
        format!("{}{} {}", self.actor_name, self.and_others(), self.what())
    }

    /// Where it leads: the exact item, the group, or the follower's profile.
    pub fn href(&self) -> String {
        if let Some(group) = &self.group {
            return crate::groups::model::href(group.id);
        }
        match (self.item, self.post_id) {
            (Some(item), Some(post_id)) if item.kind == ItemKind::Comment => {
                format!("/posts/{post_id}#comment-{}", item.id)
            }
            (_, Some(post_id)) => format!("/posts/{post_id}"),
            _ => format!("/people/{}", self.actor_handle),
        }
    }
}

/// A page of notifications, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticesPage {
    pub notices: Vec<Notice>,
    pub next: Option<i64>,
    pub unread: i64,
}

/// The bell's count and where its live stream starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unread {
    pub count: i64,
    pub live_after: i64,
}

/// The event that a person's unread count changed (to them alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreadChanged {
    pub person_id: i64,
    pub count: i64,
}

impl crate::events::Event for UnreadChanged {
    const KIND: &'static str = "notifications.unread";
}

/// The bell's accessible name: "Notifications", or "Notifications, 2 unread".
pub fn bell_label(count: i64) -> String {
    match count {
        0 => "Notifications".into(),
        n if n >= MAX_COUNTED => "Notifications, more than 99 unread".into(),
        n => format!("Notifications, {n} unread"),
    }
}

/// What the bell's badge shows: nothing, the count, or "99+".
pub fn badge(count: i64) -> Option<String> {
    match count {
        0 => None,
        n if n >= MAX_COUNTED => Some("99+".into()),
        n => Some(n.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notice(kind: NoticeKind, others: i64, item: Option<Item>) -> Notice {
        Notice {
            id: 1,
            kind,
            actor_handle: "ana".into(),
            actor_name: "Ana".into(),
            actor_photo: None,
            others,
            item,
            post_id: item.map(|_| 7),
            group: None,
            detail: None,
            unread: true,
            created_at: 0,
        }
    }

    #[test]
    fn notices_read_as_plain_sentences_and_lead_to_the_item() {
        let reacted = notice(NoticeKind::Reaction, 4, Some(Item::post(7)));
        assert_eq!(reacted.text(), "Ana and 4 others reacted to your post");
        assert_eq!(reacted.href(), "/posts/7");
        let mentioned = notice(NoticeKind::Mention, 0, Some(Item::comment(9)));
        assert_eq!(mentioned.text(), "Ana mentioned you in a comment");
        assert_eq!(mentioned.href(), "/posts/7#comment-9");
        let followed = notice(NoticeKind::Follow, 0, None);
        assert_eq!(followed.text(), "Ana started following you");
        assert_eq!(followed.href(), "/people/ana");
        let invited = Notice {
            group: Some(crate::posts::model::GroupLink {
                id: 5,
                name: "Design Guild".into(),
            }),
            ..notice(NoticeKind::Invited, 0, None)
        };
        assert_eq!(invited.text(), "Ana invited you to Design Guild");
        assert_eq!(invited.href(), "/groups/5");
        assert_eq!(
            notice(NoticeKind::Reaction, 1, None).and_others(),
            " and 1 other"
        );
    }

    #[test]
    fn the_bell_names_its_count() {
        assert_eq!(bell_label(0), "Notifications");
        assert_eq!(bell_label(2), "Notifications, 2 unread");
        assert_eq!(badge(0), None);
        assert_eq!(badge(150).as_deref(), Some("99+"));
        for kind in NoticeKind::ALL {
            assert_eq!(NoticeKind::from_key(kind.key()), Some(kind));
        }
    }
}
