//! The seeded organization's groups: one for every five people (2,000 for the default 10,000),
//! 60% public, 30% private and 10% secret, from 3 to 3,000 members with most of them small. The
//! administrator (who benchmarks sign in as) belongs to exactly [`ADMIN_GROUPS`] of them.
use super::words::{PLACES, TEAMS};
use app::groups::{model::Visibility, store::SeedGroup};
use rand::{rngs::StdRng, seq::SliceRandom, Rng};

/// How many groups the administrator is in: the home feed's benchmark reads as a person in 50.
pub const ADMIN_GROUPS: usize = 50;
const SMALLEST: usize = 3;
const LARGEST: usize = 3_000;

/// The groups for `people` (ids, the administrator first), made over `since..until`.
pub fn make(rng: &mut StdRng, people: &[i64], since: i64, until: i64) -> Vec<SeedGroup> {
    if people.len() < SMALLEST {
        return Vec::new();
    }
    let count = (people.len() / 5).max(1);
    let others = &people[1..];
    (0..count)
        .map(|n| {
            let visibility = match rng.gen_range(0..10) {
                0..=5 => Visibility::Public,
                6..=8 => Visibility::Private,
                _ => Visibility::Secret,
            };
            // Skewed: the median group has a handful of people, a few have thousands.
            let largest = LARGEST.min(others.len());
            let size = SMALLEST + ((largest - SMALLEST) as f64 * rng.gen::<f64>().powi(8)) as usize;
            let mut members: Vec<i64> = others.choose_multiple(rng, size).copied().collect();
            if n < ADMIN_GROUPS {
                members.insert(rng.gen_range(0..=members.len().min(1)), people[0]);
            }
            let created_at = since + rng.gen_range(0..(until - since).max(1) / 2);
            SeedGroup {
                id: app::db::id_at(created_at, n as i64),
                name: name(rng, n),
                description: "Updates, questions and notes for the people in it.".into(),
                visibility,
                members,
                created_at,
            }
        })
        .collect()
}

/// A group's name: a team's project, a place, or an interest, numbered when names repeat.
fn name(rng: &mut StdRng, n: usize) -> String {
    let team = &TEAMS[rng.gen_range(0..TEAMS.len())];
    let base = match rng.gen_range(0..3) {
        0 => format!(
            "{} crew",
            team.projects.choose(rng).copied().unwrap_or("Launch")
        ),
        1 => format!(
            "{} office",
            PLACES.choose(rng).map(|p| p.0).unwrap_or("Berlin")
        ),
        _ => format!(
            "{} guild",
            team.skills.choose(rng).copied().unwrap_or("Rust")
        ),
    };
    let mut name = base[..1].to_uppercase() + &base[1..];
    if n >= TEAMS.len() * 10 {
        name.push_str(&format!(" {}", n / (TEAMS.len() * 10) + 1));
    }
    name
}

/// Where a post goes: one in five to a group (chosen at random), written by one of its members;
/// else `None` (everyone, by the author already chosen).
pub fn audience_for_post(rng: &mut StdRng, groups: &[SeedGroup]) -> Option<(i64, i64)> {
    if groups.is_empty() || !rng.gen_ratio(1, 5) {
        return None;
    }
    let group = &groups[rng.gen_range(0..groups.len())];
    let author = group.members[rng.gen_range(0..group.members.len())];
    Some((group.id, author))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn two_thousand_groups_of_every_visibility_with_the_admin_in_fifty() {
        let mut rng = StdRng::seed_from_u64(1);
        let people: Vec<i64> = (1..=10_000).collect();
        let groups = make(&mut rng, &people, 0, 1_000_000);
        assert_eq!(groups.len(), 2_000);
        let share = |v: Visibility| groups.iter().filter(|g| g.visibility == v).count();
        assert!((1_000..1_400).contains(&share(Visibility::Public)));
        assert!((450..750).contains(&share(Visibility::Private)));
        assert!((120..300).contains(&share(Visibility::Secret)));
        let admin_in = groups.iter().filter(|g| g.members.contains(&1)).count();
        assert_eq!(admin_in, ADMIN_GROUPS);
        let sizes: Vec<usize> = groups.iter().map(|g| g.members.len()).collect();
        assert!(sizes.iter().all(|&s| (3..=3_001).contains(&s)));
        assert!(sizes.iter().any(|&s| s > 1_000), "a few are large");
        let mut sorted = sizes.clone();
        sorted.sort();
        assert!(sorted[sorted.len() / 2] < 50, "most are small");
    }
}
