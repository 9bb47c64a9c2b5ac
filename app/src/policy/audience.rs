//! Who a piece of content is for. Stored as a short key next to the content (`audience`
//! columns), so a read scope can select it inside the query.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Audience {
    /// Every member of the organization.
    Organization,
    /// One person (what is addressed to them alone, such as "Ada started following you").
    Person(i64),
    /// A group: its members, and everyone if the group is public.
    Group(i64),
}

impl Audience {
    /// The key stored in `audience` columns.
    pub fn key(self) -> String {
        match self {
            Audience::Organization => "org".into(),
            Audience::Person(id) => format!("person:{id}"),
            Audience::Group(id) => format!("group:{id}"),
        }
    }

    pub fn from_key(key: &str) -> Option<Audience> {
        match key {
            "org" => Some(Audience::Organization),
            _ => {
                let (kind, id) = key.split_once(':')?;
                let id = id.parse().ok()?;
                match kind {
                    "person" => Some(Audience::Person(id)),
                    "group" => Some(Audience::Group(id)),
                    _ => None,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Audience;

    #[test]
    fn keys_round_trip() {
        for audience in [
            Audience::Organization,
            Audience::Person(42),
            Audience::Group(7),
        ] {
            assert_eq!(Audience::from_key(&audience.key()), Some(audience));
        }
        assert_eq!(Audience::from_key("person:x"), None);
        assert_eq!(Audience::from_key("everyone"), None);
        assert_eq!(Audience::from_key("team:3"), None);
    }
}
