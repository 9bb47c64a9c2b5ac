//! The composer's audience choices ("Everyone" with the organization's size, then the viewer's
//! groups, each with who will see a post), kept per person: the home page shows them on every
//! visit, and reading a person's 50 groups with their sizes was a tenth of that page's cost
//! (BENCHMARKS.md). A person's list is made again when the groups they belong to change (the
//! request's memberships, read with the session, are compared with those the list was made
//! from), when it is older than [`KEPT_FOR`] (so people joining the organization or leaving
//! those groups shows in the sizes within it), and at once after any group is edited on this
//! server (another server's edit shows within it too).
use super::{model::AudienceChoice, Memberships};
use crate::generations::Generations;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub const KEPT_FOR: Duration = Duration::from_secs(30);
/// People's lists in each of the two generations, so memory stays bounded.
const GENERATION: usize = 5_000;

struct Made {
    at: Instant,
    from: Memberships,
    choices: Arc<Vec<AudienceChoice>>,
}

pub struct RecentChoices {
    kept: Generations<i64, Made>,
}

impl Default for RecentChoices {
    fn default() -> Self {
        RecentChoices {
            kept: Generations::new(GENERATION),
        }
    }
}

impl RecentChoices {
    /// The person's group choices, if made within [`KEPT_FOR`] from the same groups.
    pub fn get(&self, person: i64, groups: &Memberships) -> Option<Arc<Vec<AudienceChoice>>> {
        self.kept
            .get(&person)
            .filter(|made| made.at.elapsed() < KEPT_FOR && same_groups(&made.from, groups))
            .map(|made| made.choices.clone())
    }

    pub fn keep(&self, person: i64, from: Memberships, choices: Arc<Vec<AudienceChoice>>) {
        let at = Instant::now();
        self.kept.keep(person, Made { at, from, choices });
    }

    /// Forgets every list (a group's name or visibility changed).
    pub fn forget_all(&self) {
        self.kept.clear();
    }
}

fn same_groups(a: &Memberships, b: &Memberships) -> bool {
    a.0.len() == b.0.len() && a.0.iter().all(|id| b.0.contains(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(ids: &[i64]) -> Memberships {
        Memberships(ids.into())
    }

    fn choices(label: &str) -> Arc<Vec<AudienceChoice>> {
        Arc::new(vec![AudienceChoice {
            value: "everyone".into(),
            label: label.into(),
            reach: String::new(),
        }])
    }

    #[test]
    fn a_list_is_kept_while_the_persons_groups_stay_the_same() {
        let recent = RecentChoices::default();
        recent.keep(1, groups(&[4, 5]), choices("kept"));
        assert!(
            recent.get(1, &groups(&[5, 4])).is_some(),
            "same groups, any order"
        );
        assert!(recent.get(1, &groups(&[4])).is_none(), "left a group");
        assert!(recent.get(1, &groups(&[4, 5, 6])).is_none(), "joined one");
        assert!(recent.get(2, &groups(&[4, 5])).is_none(), "someone else");
        recent.forget_all();
        assert!(
            recent.get(1, &groups(&[4, 5])).is_none(),
            "a group was edited"
        );
    }
}
