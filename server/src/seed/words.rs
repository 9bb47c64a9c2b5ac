//! The vocabulary of the seeded organization: names, roles, places and the text of posts.
use rand::{rngs::StdRng, seq::SliceRandom, Rng};

pub const FIRST_NAMES: &[&str] = &[
    "Ada", "Alan", "Amara", "Ana", "Anil", "Beatriz", "Ben", "Chen", "Chloe", "Dario", "Divya",
    "Elena", "Emeka", "Emma", "Farah", "Felix", "Grace", "Hana", "Hugo", "Ines", "Ivan", "Jamal",
    "Jana", "Jonas", "Julia", "Kai", "Kenji", "Lara", "Leila", "Liam", "Lucia", "Maya", "Mateo",
    "Mei", "Mia", "Nadia", "Noah", "Olga", "Omar", "Priya", "Rafael", "Rosa", "Sami", "Sara",
    "Sofia", "Tariq", "Tess", "Theo", "Uma", "Victor", "Wen", "Yara", "Yusuf", "Zoe",
];

pub const LAST_NAMES: &[&str] = &[
    "Abbott", "Adeyemi", "Almeida", "Andersen", "Bauer", "Bianchi", "Chen", "Costa", "Dubois",
    "Eriksen", "Fischer", "Garcia", "Gupta", "Haddad", "Hansen", "Ito", "Jensen", "Kim",
    "Kowalski", "Larsen", "Lopez", "Martin", "Meyer", "Mensah", "Moreau", "Nakamura", "Novak",
    "Okafor", "Olsen", "Patel", "Perez", "Rossi", "Sato", "Schmidt", "Silva", "Singh", "Smith",
    "Tanaka", "Torres", "Varga", "Wagner", "Wang", "Weber", "Williams", "Yilmaz", "Zhang",
];

pub const DEPARTMENTS: &[&str] = &[
    "Engineering",
    "Product",
    "Design",
    "Sales",
    "Marketing",
    "Customer Success",
    "Finance",
    "People",
    "Legal",
    "Operations",
    "Research",
    "IT",
    "Facilities",
    "Communications",
];

pub const TITLES: &[&str] = &[
    "Engineer",
    "Senior Engineer",
    "Staff Engineer",
    "Product Manager",
    "Designer",
    "Analyst",
    "Account Executive",
    "Team Lead",
    "Director",
    "Specialist",
    "Coordinator",
    "Consultant",
    "Researcher",
    "Manager",
    "Associate",
    "Vice President",
];

/// Offices and their time zones.
pub const PLACES: &[(&str, &str)] = &[
    ("Berlin", "Europe/Berlin"),
    ("Lisbon", "Europe/Lisbon"),
    ("London", "Europe/London"),
    ("Lagos", "Africa/Lagos"),
    ("Nairobi", "Africa/Nairobi"),
    ("Bangalore", "Asia/Kolkata"),
    ("Singapore", "Asia/Singapore"),
    ("Tokyo", "Asia/Tokyo"),
    ("Sydney", "Australia/Sydney"),
    ("São Paulo", "America/Sao_Paulo"),
    ("New York", "America/New_York"),
    ("Chicago", "America/Chicago"),
    ("Toronto", "America/Toronto"),
    ("San Francisco", "America/Los_Angeles"),
    ("Remote", "UTC"),
];

const WORDS: &[&str] = &[
    "the",
    "team",
    "we",
    "shipped",
    "release",
    "customer",
    "feedback",
    "roadmap",
    "quarter",
    "meeting",
    "notes",
    "design",
    "review",
    "launch",
    "plan",
    "today",
    "tomorrow",
    "week",
    "project",
    "update",
    "deadline",
    "budget",
    "hiring",
    "onboarding",
    "workshop",
    "demo",
    "metrics",
    "dashboard",
    "migration",
    "database",
    "service",
    "latency",
    "incident",
    "postmortem",
    "retro",
    "sprint",
    "backlog",
    "priority",
    "goal",
    "milestone",
    "partner",
    "contract",
    "proposal",
    "research",
    "interview",
    "survey",
    "results",
    "numbers",
    "growth",
    "support",
    "ticket",
    "question",
    "idea",
    "experiment",
    "prototype",
    "pilot",
    "office",
    "travel",
    "conference",
    "talk",
    "slides",
    "draft",
    "document",
    "policy",
    "process",
    "security",
    "training",
    "mentoring",
    "coffee",
    "lunch",
    "welcome",
    "thanks",
    "great",
    "new",
    "first",
    "next",
    "big",
    "small",
    "quick",
    "important",
    "shared",
    "open",
    "clear",
    "finally",
    "again",
    "together",
    "with",
    "for",
    "on",
    "about",
    "from",
    "our",
    "this",
    "that",
    "is",
    "are",
    "was",
    "will",
    "can",
    "should",
    "looks",
    "works",
    "needs",
    "helps",
    "brings",
];

const LINKS: &[&str] = &[
    "https://example.com/roadmap",
    "https://example.com/handbook",
    "https://example.com/wiki/onboarding",
    "https://example.com/dashboards/growth",
];

fn sentence(rng: &mut StdRng, words: usize) -> String {
    let mut text = String::new();
    for i in 0..words {
        let word = WORDS.choose(rng).unwrap_or(&"team");
        if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                text.extend(first.to_uppercase());
                text.push_str(chars.as_str());
            }
        } else {
            text.push(' ');
            text.push_str(word);
        }
    }
    text.push(if rng.gen_bool(0.15) { '!' } else { '.' });
    text
}

/// A paragraph of a number of sentences drawn from `sentences`.
fn paragraph(rng: &mut StdRng, sentences: std::ops::Range<usize>) -> String {
    let count = rng.gen_range(sentences);
    (0..count)
        .map(|_| {
            let words = rng.gen_range(5..16);
            sentence(rng, words)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A post's Markdown: mostly a line or two, sometimes a few paragraphs with emphasis, a link,
/// a list, a quote or code, the way people write updates.
pub fn post_body(rng: &mut StdRng) -> String {
    let kind = rng.gen_range(0..100);
    if kind < 60 {
        return paragraph(rng, 1..3);
    }
    let mut body = paragraph(rng, 2..5);
    if rng.gen_bool(0.5) {
        body = body.replacen(" team", " **team**", 1);
    }
    if rng.gen_bool(0.4) {
        let link = LINKS.choose(rng).unwrap_or(&LINKS[0]);
        body.push_str(&format!(" Details [here]({link})."));
    }
    if kind >= 90 {
        body.push_str("\n\n");
        match rng.gen_range(0..3) {
            0 => {
                for _ in 0..rng.gen_range(2..5) {
                    let words = rng.gen_range(3..8);
                    body.push_str(&format!("- {}\n", sentence(rng, words)));
                }
            }
            1 => {
                let words = rng.gen_range(6..14);
                body.push_str(&format!("> {}\n", sentence(rng, words)));
            }
            _ => body.push_str("```\ncargo test --release\n```\n"),
        }
        body.push('\n');
        body.push_str(&paragraph(rng, 1..3));
    }
    body
}

/// A short "About" for a profile.
pub fn about(rng: &mut StdRng) -> String {
    paragraph(rng, 1..3)
}
