//! The leak test: random organizations of people and groups of all three visibilities, with
//! random joins, requests, answers, invitations, removals and departures made through the real
//! server functions, then posts, comments and mentions to random audiences. For every person
//! and every read path the test checks that what they get is exactly what the rule allows (a
//! model of it written here, apart from the policy): nothing leaks, nothing is missing.
//!
//! Each case is one seed; a failure names it. `COMMONS_LEAK_CASES` sets how many cases run (3
//! by default, to keep the suite's time; `scripts/leak-test.sh` runs 200) and
//! `COMMONS_LEAK_SEED` the first seed.
use crate::support::*;
use app::conversations::api::CreateComment;
use app::error::AppError;
use app::groups::api::{
    AnswerRequest, AskToJoin, CreateGroup, Group, GroupMembers, GroupsDirectory, InviteToGroup,
    JoinGroup, LeaveGroup, RemoveMember,
};
use app::groups::model::{Role, Visibility};
use app::groups::moderation::api::PinPost;
use app::notifications::api::Notifications;
use app::people::api::GetProfile;
use app::posts::api::{CreatePost, GetPost};
use app::questions::api::{PersonQuestions, Questions, SetAcceptedAnswer};
use app::topics::api::Topic;
use std::collections::{BTreeMap, BTreeSet, HashSet};

const PEOPLE: usize = 5;
const GROUPS: usize = 4;
const CHANGES: usize = 24;
const POSTS: usize = 12;
const TOPIC: &str = "leakcheck";

/// A small, seeded random source (xorshift), so a failing case can be run again.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// The model: each group as the rule sees it.
#[derive(Debug, Default)]
struct ModelGroup {
    id: i64,
    visibility: Visibility,
    roles: BTreeMap<usize, Role>,
    invited: BTreeSet<usize>,
    requested: BTreeSet<usize>,
    /// Its pinned posts.
    pinned: BTreeSet<i64>,
}

impl ModelGroup {
    fn known_to(&self, p: usize) -> bool {
        self.visibility != Visibility::Secret
            || self.roles.contains_key(&p)
            || self.invited.contains(&p)
    }

    fn readable_by(&self, p: usize) -> bool {
        self.visibility == Visibility::Public || self.roles.contains_key(&p)
    }

    fn owners(&self) -> usize {
        self.roles.values().filter(|r| **r == Role::Owner).count()
    }

    fn manager(&self) -> Option<usize> {
        self.roles
            .iter()
            .find(|(_, r)| r.manages())
            .map(|(p, _)| *p)
    }
}

/// A post as the model sees it: who wrote it and for which group (none: everyone).
#[derive(Debug, Clone, Copy)]
struct ModelPost {
    id: i64,
    author: usize,
    group: Option<usize>,
    /// A person it mentions.
    mentions: usize,
    /// A question (otherwise an update).
    question: bool,
    /// A question's accepted answer's author.
    answered_by: Option<usize>,
}

struct Case {
    seed: u64,
    people: Vec<Person>,
    groups: Vec<ModelGroup>,
    posts: Vec<ModelPost>,
    comments: Vec<(i64, i64)>,
}

impl Case {
    fn may_read(&self, p: usize, post: &ModelPost) -> bool {
        post.author == p || post.group.is_none_or(|g| self.groups[g].readable_by(p))
    }

    /// What reaches the person's feeds: everyone's posts, their groups', their own.
    fn subscribed(&self, p: usize, post: &ModelPost) -> bool {
        post.author == p
            || post
                .group
                .is_none_or(|g| self.groups[g].roles.contains_key(&p))
    }
}

fn cases() -> (u64, u64) {
    let number = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    (
        number("COMMONS_LEAK_SEED", 1),
        number("COMMONS_LEAK_CASES", 3),
    )
}

#[tokio::test]
async fn no_read_path_shows_anyone_more_or_less_than_the_group_rule_allows() {
    let (first, count) = cases();
    for seed in first..first + count {
        let problems = run_case(seed).await;
        assert!(
            problems.is_empty(),
            "seed {seed} (run again with COMMONS_LEAK_SEED={seed} COMMONS_LEAK_CASES=1):\n{}",
            problems.join("\n")
        );
    }
}

async fn run_case(seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let app = TestApp::spawn().await;
    app.setup().await;
    let mut people = Vec::new();
    for i in 0..PEOPLE {
        people.push(app.person(&format!("Person{i} Case{seed}")).await);
    }
    let mut case = Case {
        seed,
        people,
        groups: Vec::new(),
        posts: Vec::new(),
        comments: Vec::new(),
    };
    for g in 0..GROUPS {
        let owner = rng.below(PEOPLE);
        let visibility = Visibility::ALL[if g < 3 { g } else { rng.below(3) }];
        let id = case.people[owner]
            .run(CreateGroup {
                name: format!("Group {g} <b>of</b> case {seed}"),
                description: String::new(),
                about: String::new(),
                visibility: visibility.key().into(),
            })
            .await
            .expect("group created");
        let mut group = ModelGroup {
            id,
            visibility,
            ..Default::default()
        };
        group.roles.insert(owner, Role::Owner);
        case.groups.push(group);
    }
    for _ in 0..CHANGES {
        change(&mut case, &mut rng).await;
    }
    let mut problems = Vec::new();
    // Streams open before anything is posted; the replay starts from the log's head now.
    let head = case.people[0].feed(None).await.expect("feed").live_after;
    let mut streams = Vec::new();
    for person in &case.people {
        streams.push(person.open_live(None).await.expect("stream opens"));
    }
    for _ in 0..POSTS {
        post(&mut case, &mut rng, &mut problems).await;
    }
    // A last post for everyone marks the end of what a stream can have received.
    let marker = case.people[0]
        .run(CreatePost {
            body: "marker".into(),
            audience: None,
            kind: None,
            title: String::new(),
            idempotency_key: None,
        })
        .await
        .expect("marker posted")
        .id;
    for (p, stream) in streams.iter_mut().enumerate() {
        let live = posts_until(stream, marker).await;
        let mut replay = case.people[p].open_live(Some(head)).await.expect("replay");
        let replayed = posts_until(&mut replay, marker).await;
        for (path, seen) in [("live stream", live), ("replay", replayed)] {
            expect_posts(
                &case,
                p,
                path,
                &seen,
                |post| case.subscribed(p, post),
                &mut problems,
            );
        }
    }
    for p in 0..PEOPLE {
        check_person(&case, p, &mut problems).await;
    }
    problems
}

/// One random change of membership, made through the server functions, and the model's idea of
/// what it did.
async fn change(case: &mut Case, rng: &mut Rng) {
    let p = rng.below(PEOPLE);
    let g = rng.below(GROUPS);
    let group = &mut case.groups[g];
    let id = group.id;
    let person = &case.people[p];
    let member = group.roles.contains_key(&p);
    match rng.below(6) {
        0 => {
            let done = person.run(JoinGroup { id }).await;
            let allowed =
                !member && (group.visibility == Visibility::Public || group.invited.contains(&p));
            if done.is_ok() && (allowed || member) {
                if !member {
                    group.roles.insert(p, Role::Member);
                }
                group.invited.remove(&p);
                group.requested.remove(&p);
            }
        }
        1 => {
            let done = person.run(AskToJoin { id }).await;
            let allowed =
                !member && group.visibility == Visibility::Private && !group.invited.contains(&p);
            if done.is_ok() && allowed {
                group.requested.insert(p);
            }
        }
        2 => {
            // A member (or, to test refusals, anyone) invites someone else.
            let invitee = rng.below(PEOPLE);
            let handle = case.people[invitee].viewer.handle.clone();
            let done = person
                .run(InviteToGroup {
                    id,
                    invitees: format!("@{handle}"),
                })
                .await;
            if done.is_ok() && member && !group.roles.contains_key(&invitee) {
                group.invited.insert(invitee);
            }
        }
        3 => {
            let Some(&asker) = group.requested.iter().next() else {
                return;
            };
            let approve = rng.chance(50);
            let manager = group.manager().expect("a group keeps an owner");
            let done = case.people[manager]
                .run(AnswerRequest {
                    id,
                    person: case.people[asker].id(),
                    approve,
                })
                .await;
            if done.is_ok() {
                group.requested.remove(&asker);
                if approve {
                    group.roles.insert(asker, Role::Member);
                    group.invited.remove(&asker);
                }
            }
        }
        4 => {
            let done = person.run(LeaveGroup { id }).await;
            let last_owner = group.roles.get(&p) == Some(&Role::Owner) && group.owners() == 1;
            if done.is_ok() && !last_owner {
                group.roles.remove(&p);
                group.requested.remove(&p);
            }
        }
        _ => {
            let Some(manager) = group.manager() else {
                return;
            };
            let target = rng.below(PEOPLE);
            let target_role = group.roles.get(&target).copied();
            let done = case.people[manager]
                .run(RemoveMember {
                    id,
                    person: case.people[target].id(),
                })
                .await;
            let allowed = match target_role {
                Some(Role::Owner) => {
                    group.roles.get(&manager) == Some(&Role::Owner) && group.owners() > 1
                }
                Some(_) => true,
                None => false,
            };
            if done.is_ok() && allowed {
                group.roles.remove(&target);
            }
        }
    }
}

/// A random post (to everyone or to one of the author's groups, naming someone and the test's
/// topic), maybe an attempt to post where the author may not (which must be refused), and a
/// comment by someone who may read it.
async fn post(case: &mut Case, rng: &mut Rng, problems: &mut Vec<String>) {
    let author = rng.below(PEOPLE);
    let theirs: Vec<usize> = (0..GROUPS)
        .filter(|&g| case.groups[g].roles.contains_key(&author))
        .collect();
    let group = if theirs.is_empty() || rng.chance(30) {
        None
    } else {
        Some(theirs[rng.below(theirs.len())])
    };
    let mentions = rng.below(PEOPLE);
    let body = format!(
        "case {} post {} #{TOPIC} @{}",
        case.seed,
        case.posts.len(),
        case.people[mentions].viewer.handle
    );
    let question = rng.chance(50);
    let made = case.people[author]
        .run(CreatePost {
            body,
            audience: group.map(|g| case.groups[g].id.to_string()),
            kind: question.then(|| "question".into()),
            title: format!("Question {} of case {}", case.posts.len(), case.seed),
            idempotency_key: None,
        })
        .await
        .expect("post made");
    case.posts.push(ModelPost {
        id: made.id,
        author,
        group,
        mentions,
        question,
        answered_by: None,
    });

    // A group's owner or admin pins some of its posts: the group page shows them first.
    if let Some(g) = group {
        let manager = case.groups[g].manager();
        if let Some(manager) = manager.filter(|_| case.groups[g].pinned.len() < 3 && rng.chance(30))
        {
            let done = case.people[manager].run(PinPost { post_id: made.id }).await;
            match done {
                Ok(()) => {
                    case.groups[g].pinned.insert(made.id);
                }
                Err(error) => problems.push(format!(
                    "person {manager} could not pin post {} in group {g}: {error:?}",
                    made.id
                )),
            }
        }
    }

    let outside: Vec<usize> = (0..GROUPS)
        .filter(|&g| !case.groups[g].roles.contains_key(&author))
        .collect();
    if !outside.is_empty() && rng.chance(40) {
        let g = outside[rng.below(outside.len())];
        let refused = case.people[author]
            .run(CreatePost {
                body: "should not be posted".into(),
                audience: Some(case.groups[g].id.to_string()),
                kind: None,
                title: String::new(),
                idempotency_key: None,
            })
            .await;
        if refused.is_ok() {
            problems.push(format!(
                "person {author} posted in group {g} without being a member"
            ));
        }
    }

    let post = *case.posts.last().expect("just made");
    let commenter = rng.below(PEOPLE);
    let done = case.people[commenter]
        .run(CreateComment {
            post_id: post.id,
            reply_to: None,
            body: format!("a comment on post {}", post.id),
            idempotency_key: None,
        })
        .await;
    let may_comment = post
        .group
        .is_none_or(|g| case.groups[g].roles.contains_key(&commenter));
    match done {
        Ok(comment) if may_comment => {
            case.comments.push((post.id, comment.id));
            // The asker accepts it half the time: it then shows on the answerer's profile.
            if post.question && rng.chance(50) {
                let accepted = case.people[post.author]
                    .run(SetAcceptedAnswer {
                        post_id: post.id,
                        comment_id: Some(comment.id),
                    })
                    .await;
                match accepted {
                    Ok(()) => {
                        if let Some(last) = case.posts.last_mut() {
                            last.answered_by = Some(commenter);
                        }
                    }
                    Err(error) => problems.push(format!(
                        "person {} could not accept an answer on their question {}: {error:?}",
                        post.author, post.id
                    )),
                }
            }
        }
        Ok(_) => problems.push(format!(
            "person {commenter} commented on post {} they may not take part in",
            post.id
        )),
        Err(error) if may_comment => problems.push(format!(
            "person {commenter} could not comment on post {}: {error:?}",
            post.id
        )),
        Err(_) => {}
    }
}

fn expect_posts(
    case: &Case,
    p: usize,
    path: &str,
    seen: &HashSet<i64>,
    rule: impl Fn(&ModelPost) -> bool,
    problems: &mut Vec<String>,
) {
    for post in &case.posts {
        if seen.contains(&post.id) != rule(post) {
            problems.push(format!(
                "person {p} on {path}: post {:?} (in {:?}) seen = {}",
                post.id,
                post.group.map(|g| (g, case.groups[g].visibility)),
                seen.contains(&post.id)
            ));
        }
    }
}

/// Every read path, for one person.
async fn check_person(case: &Case, p: usize, problems: &mut Vec<String>) {
    let me = &case.people[p];
    let ids = |page: &app::posts::model::FeedPage| -> HashSet<i64> {
        page.posts.iter().map(|post| post.id).collect()
    };

    // The home feed: everyone's posts, their groups' and their own.
    let feed = me.feed(None).await.expect("feed");
    expect_posts(
        case,
        p,
        "home feed",
        &ids(&feed),
        |post| case.subscribed(p, post),
        problems,
    );

    // Each author's profile: what the viewer may read.
    for (a, author) in case.people.iter().enumerate() {
        let profile = me
            .read(GetProfile {
                handle: author.viewer.handle.clone(),
                before: None,
            })
            .await
            .expect("profile");
        let seen = ids(&profile.posts);
        expect_posts(
            case,
            p,
            &format!("profile of {a}"),
            &seen,
            |post| post.author == a && case.may_read(p, post),
            problems,
        );
    }

    // Every question, the unanswered and the answered ones.
    for (filter, answered) in [
        (None, None),
        (Some("unanswered"), Some(false)),
        (Some("answered"), Some(true)),
    ] {
        let list = me
            .read(Questions {
                filter: filter.map(String::from),
                before: None,
            })
            .await
            .expect("questions");
        expect_posts(
            case,
            p,
            &format!("questions {filter:?}"),
            &ids(&list.posts),
            |post| {
                post.question
                    && answered.is_none_or(|a| a == post.answered_by.is_some())
                    && case.may_read(p, post)
            },
            problems,
        );
    }
    // Each person's questions and accepted answers, as their profile lists them.
    for a in 0..PEOPLE {
        let lists = me
            .read(PersonQuestions {
                person_id: case.people[a].id(),
            })
            .await
            .expect("a person's questions");
        let newest = |rule: &dyn Fn(&ModelPost) -> bool| -> Vec<i64> {
            let mut found: Vec<i64> = case
                .posts
                .iter()
                .filter(|post| rule(post))
                .map(|post| post.id)
                .collect();
            found.sort_unstable_by(|x, y| y.cmp(x));
            found.truncate(app::questions::model::PROFILE_LIST);
            found
        };
        let asked = newest(&|post| post.question && post.author == a && case.may_read(p, post));
        let answered = newest(&|post| post.answered_by == Some(a) && case.may_read(p, post));
        let listed = |links: &[app::questions::model::QuestionLink]| -> Vec<i64> {
            links.iter().map(|link| link.id).collect()
        };
        if listed(&lists.asked) != asked || listed(&lists.answered) != answered {
            problems.push(format!(
                "person {p}: person {a}'s questions {:?} and accepted answers {:?}, model {asked:?} and {answered:?}",
                listed(&lists.asked),
                listed(&lists.answered)
            ));
        }
    }

    // The topic's page.
    let topic = me
        .read(Topic {
            name: TOPIC.into(),
            before: None,
        })
        .await
        .expect("topic page");
    expect_posts(
        case,
        p,
        "topic page",
        &ids(&topic.posts),
        |post| case.may_read(p, post),
        problems,
    );

    // Permalinks, and the comments on them.
    let mut comments_seen = HashSet::new();
    for post in &case.posts {
        let found = me
            .read(GetPost {
                id: post.id,
                after_thread: None,
                after_id: None,
            })
            .await;
        if found.is_ok() != case.may_read(p, post) {
            problems.push(format!(
                "person {p} permalink of post {} (in {:?}): found = {}",
                post.id,
                post.group,
                found.is_ok()
            ));
        }
        if let Ok(found) = found {
            comments_seen.extend(found.conversation.comments.iter().map(|c| c.id));
        }
    }
    for (post_id, comment) in &case.comments {
        let post = case
            .posts
            .iter()
            .find(|post| post.id == *post_id)
            .expect("post");
        if comments_seen.contains(comment) != case.may_read(p, post) {
            problems.push(format!(
                "person {p}: comment {comment} on post {post_id} seen = {}",
                comments_seen.contains(comment)
            ));
        }
    }

    // Mentions notify only those who may read the post.
    let notices = me
        .read(Notifications { before: None })
        .await
        .expect("notifications");
    let mentioned_in: HashSet<i64> = notices
        .notices
        .iter()
        .filter(|n| n.kind == app::notifications::model::NoticeKind::Mention)
        .filter_map(|n| n.post_id)
        .collect();
    expect_posts(
        case,
        p,
        "mention notifications",
        &mentioned_in,
        |post| post.mentions == p && post.author != p && case.may_read(p, post),
        problems,
    );

    // An invitation's notification names a group they may know.
    for notice in &notices.notices {
        let Some(named) = &notice.group else { continue };
        let known = case
            .groups
            .iter()
            .any(|group| group.id == named.id && group.known_to(p));
        if !known {
            problems.push(format!(
                "person {p}: a notification names group {} they may not know",
                named.id
            ));
        }
    }

    // The directory lists exactly the groups they may know (invitations included).
    let directory = me
        .read(GroupsDirectory { q: String::new() })
        .await
        .expect("directory");
    let listed: HashSet<i64> = directory
        .groups
        .iter()
        .chain(&directory.invitations)
        .map(|g| g.id)
        .collect();
    for (g, group) in case.groups.iter().enumerate() {
        if listed.contains(&group.id) != group.known_to(p) {
            problems.push(format!(
                "person {p}: group {g} ({:?}) listed = {}",
                group.visibility,
                listed.contains(&group.id)
            ));
        }
        // The group's page: not found unless known; its posts only if readable.
        match me
            .read(Group {
                id: group.id,
                filter: None,
                before: None,
            })
            .await
        {
            Err(AppError::NotFound) if !group.known_to(p) => {}
            Ok(view) if group.known_to(p) => {
                let pinned: BTreeSet<i64> = view.pinned.iter().map(|post| post.id).collect();
                let expected = if group.readable_by(p) {
                    group.pinned.clone()
                } else {
                    BTreeSet::new()
                };
                if pinned != expected {
                    problems.push(format!(
                        "person {p}: group {g} pins {pinned:?}, model {expected:?}"
                    ));
                }
                let mut seen = view.posts.as_ref().map(&ids).unwrap_or_default();
                seen.extend(pinned);
                if view.posts.is_some() != group.readable_by(p) {
                    problems.push(format!(
                        "person {p}: group {g} page shows posts = {}",
                        view.posts.is_some()
                    ));
                }
                expect_posts(
                    case,
                    p,
                    &format!("group {g} page"),
                    &seen,
                    |post| post.group == Some(g) && case.may_read(p, post),
                    problems,
                );
                // Its answered questions, when its posts are readable.
                if group.readable_by(p) {
                    let answered = me
                        .read(Group {
                            id: group.id,
                            filter: Some("answered".into()),
                            before: None,
                        })
                        .await
                        .expect("a group's answered questions");
                    expect_posts(
                        case,
                        p,
                        &format!("group {g} answered questions"),
                        &answered.posts.as_ref().map(&ids).unwrap_or_default(),
                        |post| post.group == Some(g) && post.answered_by.is_some(),
                        problems,
                    );
                }
                let role = view.standing.role;
                if role != group.roles.get(&p).copied() {
                    problems.push(format!(
                        "person {p}: group {g} role {role:?}, model {:?}",
                        group.roles.get(&p)
                    ));
                }
            }
            other => problems.push(format!(
                "person {p}: group {g} ({:?}) page answered {:?}",
                group.visibility,
                other.map(|v| v.summary.id)
            )),
        }
        // Its members: to those who may read it; hidden from the others.
        let members = me.read(GroupMembers { id: group.id }).await;
        match members {
            Ok(view) if group.readable_by(p) => {
                let listed: BTreeMap<i64, Role> =
                    view.members.iter().map(|m| (m.person.id, m.role)).collect();
                let expected: BTreeMap<i64, Role> = group
                    .roles
                    .iter()
                    .map(|(q, role)| (case.people[*q].id(), *role))
                    .collect();
                if listed != expected {
                    problems.push(format!(
                        "person {p}: group {g} members {listed:?}, model {expected:?}"
                    ));
                }
            }
            Err(AppError::NotFound) if !group.known_to(p) => {}
            Err(AppError::Forbidden(_)) if group.known_to(p) && !group.readable_by(p) => {}
            other => problems.push(format!(
                "person {p}: group {g} ({:?}) members answered ok = {}",
                group.visibility,
                other.is_ok()
            )),
        }
    }
}

/// The ids of the new posts a stream delivers, up to and including `marker` (other events,
/// such as a membership's, are passed over).
async fn posts_until(stream: &mut LiveSocket, marker: i64) -> HashSet<i64> {
    let mut seen = HashSet::new();
    while !seen.contains(&marker) {
        for event in stream.events(1).await {
            if let Some(app::posts::model::PostCreated(post)) = event.decode() {
                seen.insert(post.id);
            }
        }
    }
    seen
}
