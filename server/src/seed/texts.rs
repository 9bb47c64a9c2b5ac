//! What seeded people write, from templates filled with their team, skills, projects and
//! office, so the organization reads like a real one to someone looking around.
use super::organization::Member;
use rand::{rngs::StdRng, seq::SliceRandom, Rng};

const LINKS: &[&str] = &[
    "https://example.com/roadmap",
    "https://example.com/handbook",
    "https://example.com/wiki/onboarding",
    "https://example.com/dashboards/growth",
];

/// Topics anyone in the organization writes about.
const TOPICS: &[&str] = &[
    "wins",
    "learning",
    "welcome",
    "office-hours",
    "hiring",
    "til",
];

/// `#name` for a phrase: "the billing migration" is `#billing-migration`.
fn topic(phrase: &str) -> String {
    let phrase = phrase.strip_prefix("the ").unwrap_or(phrase);
    let mut name = String::with_capacity(phrase.len());
    for c in phrase.chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c.to_ascii_lowercase());
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    format!("#{}", &name[..name.len().min(40)])
}

/// The organization-wide topics someone follows: one person in four follows one or two.
pub fn followed_topics(rng: &mut StdRng) -> Vec<&'static str> {
    if !rng.gen_ratio(1, 4) {
        return Vec::new();
    }
    let count = rng.gen_range(1..=2);
    TOPICS.choose_multiple(rng, count).copied().collect()
}

const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/// A profile's "About".
pub fn about(rng: &mut StdRng, member: &Member) -> String {
    let team = member.team.name;
    let skill = member.skills.first().copied().unwrap_or("our tools");
    let project = member
        .team
        .projects
        .choose(rng)
        .copied()
        .unwrap_or("our plans");
    let office = member.place.0;
    let first = match rng.gen_range(0..4) {
        0 => format!("I work in {team}, mostly on {project}."),
        1 => format!("{} in {team}, based in {office}.", member.title),
        2 => format!("I joined {team} to work on {project}, and stayed for the people."),
        _ => format!("Part of {team} in {office}. These days: {project}."),
    };
    let second = match rng.gen_range(0..4) {
        0 => format!("Happy to help with anything about {skill}."),
        1 => format!("Ask me about {skill}; I will point you to someone if I don't know."),
        2 => "Outside work you will find me with a book or on a bike.".to_string(),
        _ => format!("Open to pairing on {skill} any afternoon."),
    };
    format!("{first} {second}")
}

/// A post's Markdown by `author`: mostly a line or two, sometimes an update with a list, a
/// quote or a command, the way people write at work.
pub fn post(rng: &mut StdRng, author: &Member) -> String {
    let team = author.team.name;
    // Posts are about work: the skills of their team (not languages or hobbies).
    let work: Vec<&str> = author
        .skills
        .iter()
        .copied()
        .filter(|skill| author.team.skills.contains(skill))
        .collect();
    let skill = work.choose(rng).copied().unwrap_or("planning");
    let project = author
        .team
        .projects
        .choose(rng)
        .copied()
        .unwrap_or("our plans");
    let office = author.place.0;
    let day = DAYS.choose(rng).copied().unwrap_or("Thursday");
    let link = LINKS.choose(rng).copied().unwrap_or(LINKS[0]);
    let kind = rng.gen_range(0..100);
    let short = match rng.gen_range(0..8) {
        0 => format!("We shipped the first part of {project} today. Thanks to everyone who reviewed it!"),
        1 => format!("Does anyone have experience with {skill}? We are looking at it for {project} and I would love a second opinion."),
        2 => format!("Reminder: {team} office hours are on {day} at 15:00 in {office}. Bring your {skill} questions."),
        3 => format!("Notes from this week's {skill} session are in the [handbook]({link})."),
        4 => format!("Small win: {project} is a week ahead of plan. **Thank you**, {team}."),
        5 => format!("Looking for a volunteer to pair on {skill} for {project} on {day}. Reply here or send me a message."),
        6 => format!("Welcome to everyone who joined {team} in {office} this month!"),
        _ => format!("I wrote up what we learned about {skill} while working on {project}: [read it here]({link})."),
    };
    let short = match rng.gen_range(0..100) {
        0..=24 => format!("{short} {}", topic(project)),
        25..=34 => format!("{short}\n\n{} {}", topic(skill), topic(team)),
        35..=39 => format!(
            "{short} #{}",
            TOPICS.choose(rng).copied().unwrap_or(TOPICS[0])
        ),
        _ => short,
    };
    if kind < 70 {
        return short;
    }
    let mut body = format!("## Update on {project}\n\n{short}\n\n");
    match rng.gen_range(0..3) {
        0 => body.push_str(&format!(
            "- Done: the {skill} review\n- Next: a trial with {team} in {office}\n- Later: share the results with everyone\n"
        )),
        1 => body.push_str(&format!(
            "> The best time to fix {skill} was last year. The second best is {day}.\n"
        )),
        _ => body.push_str("```\ncargo test --release\n```\n"),
    }
    body.push_str(&format!(
        "\nQuestions welcome, here or at {team}'s office hours."
    ));
    body
}

/// A comment's Markdown by `author` on a colleague's post: short, the way people answer.
pub fn comment(rng: &mut StdRng, author: &Member) -> String {
    let skill = author.skills.choose(rng).copied().unwrap_or("planning");
    let day = DAYS.choose(rng).copied().unwrap_or("Thursday");
    match rng.gen_range(0..6) {
        0 => "Congratulations, well deserved!".to_string(),
        1 => format!("Happy to help with {skill}: I am free on {day}."),
        2 => format!(
            "We ran into the same thing in {}. Let's compare notes.",
            author.team.name
        ),
        3 => "Thanks for writing this up, **very** useful.".to_string(),
        4 => format!("Could you share the slides? The {skill} part especially."),
        _ => format!("Count me in for {day}."),
    }
}

/// A question's title, about the asker's work.
pub fn question_title(rng: &mut StdRng, author: &Member) -> String {
    let skill = author.skills.choose(rng).copied().unwrap_or("planning");
    let project = author
        .team
        .projects
        .choose(rng)
        .copied()
        .unwrap_or("our plans");
    let office = author.place.0;
    match rng.gen_range(0..5) {
        0 => format!("How do we get started with {skill}?"),
        1 => format!("Who owns {project} now?"),
        2 => format!("Is there a room for workshops in {office}?"),
        3 => format!("What is the best way to test {skill} changes?"),
        _ => format!("Where are the notes for {project}?"),
    }
}

/// A discussion's title, about the writer's work.
pub fn discussion_title(rng: &mut StdRng, author: &Member) -> String {
    let skill = author.skills.choose(rng).copied().unwrap_or("planning");
    let project = author
        .team
        .projects
        .choose(rng)
        .copied()
        .unwrap_or("our plans");
    match rng.gen_range(0..3) {
        0 => format!("Ideas for the next step of {project}"),
        1 => format!("What we should change about {skill}"),
        _ => format!("Retrospective: {project}"),
    }
}
