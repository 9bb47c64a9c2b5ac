//! The shape of the seeded organization: who reports to whom (a CEO, a vice president per
//! department, directors, then teams, six to eight levels deep at 10,000 people), what each
//! person does and knows, and whom they follow (mostly their own people, and a few people
//! followed by thousands).
use super::words::{Team, GENERAL_SKILLS, LEADERSHIP, PLACES, TEAMS};
use rand::{rngs::StdRng, seq::SliceRandom, Rng};
use std::collections::{HashMap, HashSet, VecDeque};

/// Person 0 is the administrator, outside the chart (reporting to the CEO); person 1 the CEO.
pub const CEO: usize = 1;
/// How many the administrator follows: the benchmarks' "person who follows 500 people".
pub const ADMIN_FOLLOWS: usize = 500;

pub struct Member {
    pub manager: Option<usize>,
    pub depth: usize,
    pub team: &'static Team,
    pub title: String,
    pub skills: Vec<&'static str>,
    pub place: (&'static str, &'static str),
}

/// Everyone's place in the chart, filled level by level: each manager's team is filled before
/// the next manager's, so levels are complete except the last.
pub fn chart(rng: &mut StdRng, count: usize) -> Vec<Member> {
    let mut members = Vec::with_capacity(count);
    let it = TEAMS.iter().find(|t| t.name == "IT").unwrap_or(&TEAMS[0]);
    members.push(Member {
        manager: (count > CEO).then_some(CEO),
        depth: 2,
        team: it,
        title: "Commons Administrator".into(),
        skills: vec!["Commons", "single sign-on"],
        place: PLACES[0],
    });
    // (manager, places left in their team)
    let mut open: VecDeque<(usize, usize)> = VecDeque::new();
    for n in CEO..count {
        let Some(&(manager, _)) = open.front() else {
            // The CEO, or (only in an organization larger than the chart grows) another
            // team under someone well up it.
            let manager = (n > CEO).then_some(((n - 1) / 6).max(CEO));
            let depth = manager.map_or(1, |m| members[m].depth + 1);
            let team = manager.map_or(&LEADERSHIP, |m| members[m].team);
            members.push(member(rng, manager, depth, team, n == CEO));
            open.push_back((n, if n == CEO { TEAMS.len() } else { 5 }));
            continue;
        };
        let depth = members[manager].depth + 1;
        let team = if depth == 2 {
            &TEAMS[(n - CEO - 1) % TEAMS.len()]
        } else {
            members[manager].team
        };
        let reports = match depth {
            2 | 3 => rng.gen_range(4..8),
            4..=6 if rng.gen_bool(0.4) => rng.gen_range(4..10),
            _ => 0,
        };
        members.push(member(rng, Some(manager), depth, team, reports > 0));
        if let Some(front) = open.front_mut() {
            front.1 -= 1;
            if front.1 == 0 {
                open.pop_front();
            }
        }
        if reports > 0 {
            open.push_back((n, reports));
        }
    }
    members
}

fn member(
    rng: &mut StdRng,
    manager: Option<usize>,
    depth: usize,
    team: &'static Team,
    manages: bool,
) -> Member {
    let title = match depth {
        1 => "Chief Executive Officer".to_string(),
        2 => format!("Vice President, {}", team.name),
        3 => format!("Director, {}", team.name),
        _ if manages => format!("{} Team Lead", team.name),
        _ => team.roles.choose(rng).unwrap_or(&"Specialist").to_string(),
    };
    let known = rng.gen_range(2..=4);
    let mut skills: Vec<&'static str> = team.skills.choose_multiple(rng, known).copied().collect();
    if rng.gen_bool(0.3) {
        if let Some(extra) = GENERAL_SKILLS.choose(rng) {
            skills.push(extra);
        }
    }
    Member {
        manager,
        depth,
        team,
        title,
        skills,
        place: *PLACES.choose(rng).unwrap_or(&PLACES[0]),
    }
}

/// Who follows whom, as (follower, followee) pairs: most people follow a few dozen, mostly
/// their manager, teammates and department; some follow hundreds. Across the organization the
/// choice is skewed hard towards a few people, who end up with thousands of followers.
pub fn follows(rng: &mut StdRng, members: &[Member]) -> Vec<(usize, usize)> {
    let count = members.len();
    if count < 2 {
        return Vec::new();
    }
    let mut by_team: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut reports: HashMap<usize, Vec<usize>> = HashMap::new();
    for (n, member) in members.iter().enumerate() {
        by_team.entry(member.team.name).or_default().push(n);
        if let Some(manager) = member.manager {
            reports.entry(manager).or_default().push(n);
        }
    }
    let mut pairs = Vec::new();
    for (follower, member) in members.iter().enumerate() {
        let wanted = if follower == 0 {
            ADMIN_FOLLOWS
        } else {
            match rng.gen_range(0..100) {
                0..=69 => rng.gen_range(5..30),
                70..=94 => rng.gen_range(30..150),
                _ => rng.gen_range(150..600),
            }
        }
        .min(count - 1);
        let mut chosen = HashSet::new();
        let team: &[usize] = by_team.get(member.team.name).map_or(&[], |t| t);
        let near = member
            .manager
            .into_iter()
            .chain(
                member
                    .manager
                    .and_then(|m| reports.get(&m))
                    .into_iter()
                    .flatten()
                    .copied(),
            )
            .chain(reports.get(&follower).into_iter().flatten().copied());
        for n in near.take(wanted) {
            if n != follower {
                chosen.insert(n);
            }
        }
        let mut tries = 0;
        while chosen.len() < wanted && tries < wanted * 20 {
            tries += 1;
            let n = if rng.gen_bool(0.5) && !team.is_empty() {
                team[rng.gen_range(0..team.len())]
            } else {
                ((count as f64) * rng.gen::<f64>().powi(4)) as usize % count
            };
            if n != follower {
                chosen.insert(n);
            }
        }
        let mut chosen: Vec<usize> = chosen.into_iter().collect();
        chosen.sort_unstable(); // a HashSet's order is not the seed's
        pairs.extend(chosen.into_iter().map(|followee| (follower, followee)));
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn depth_of(members: &[Member], mut n: usize) -> usize {
        let mut depth = 1;
        while let Some(manager) = members[n].manager {
            n = manager;
            depth += 1;
            assert!(depth < 50, "a loop in the chart");
        }
        depth
    }

    #[test]
    fn ten_thousand_people_make_a_tree_six_to_eight_levels_deep() {
        let members = chart(&mut StdRng::seed_from_u64(1), 10_000);
        assert_eq!(members[CEO].manager, None);
        assert!(members
            .iter()
            .enumerate()
            .all(|(n, m)| n == CEO || m.manager.is_some()));
        let deepest = (0..members.len())
            .map(|n| depth_of(&members, n))
            .max()
            .unwrap();
        assert!((6..=8).contains(&deepest), "depth {deepest}");
        for (n, m) in members.iter().enumerate() {
            assert_eq!(depth_of(&members, n), m.depth, "{n}");
            if m.depth > 2 {
                let manager = &members[m.manager.unwrap()];
                assert_eq!(
                    manager.team.name, m.team.name,
                    "teams sit in one department"
                );
            }
        }
    }

    #[test]
    fn a_few_people_are_followed_by_thousands_and_the_admin_follows_five_hundred() {
        let mut rng = StdRng::seed_from_u64(1);
        let members = chart(&mut rng, 10_000);
        let pairs = follows(&mut rng, &members);
        let mut followers = vec![0usize; members.len()];
        for &(follower, followee) in &pairs {
            assert_ne!(follower, followee);
            followers[followee] += 1;
        }
        assert_eq!(pairs.iter().filter(|(f, _)| *f == 0).count(), ADMIN_FOLLOWS);
        followers.sort_unstable_by(|a, b| b.cmp(a));
        assert!(followers[0] > 1_000, "the most followed: {}", followers[0]);
        let median = followers[followers.len() / 2];
        assert!(median < 100, "most are followed by few: {median}");
        let unique: HashSet<_> = pairs.iter().collect();
        assert_eq!(unique.len(), pairs.len());
    }
}
