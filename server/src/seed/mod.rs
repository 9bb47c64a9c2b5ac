//! `commons seed`: fills an empty database with a realistic organization, deterministically from
//! a seed value. By default 10,000 people and 1,000,000 posts over three years, with activity
//! skewed the way real networks are (a few people post a lot); `--small` makes a friendly one.
mod conversations;
mod edits;
mod groups;
mod organization;
mod photos;
mod questions;
mod texts;
mod words;

use app::notifications::store::SeedFollowNotice;
use app::topics::store::SeedTopicFollow;
use app::{
    auth::store::{self as accounts, BulkAccount},
    db::{id_at, now_ms, Db},
    follows::store::{self as follows, SeedFollow},
    media::{
        store::{self as media_store, Kind, MediaRow},
        Media,
    },
    people::store::{self as profiles, NewProfile},
    policy::Audience,
    posts::{
        model::PostKind,
        store::{self as posts, SeedPost},
    },
};
use organization::Member;
use rand::{rngs::StdRng, seq::SliceRandom, Rng, SeedableRng};
use std::time::Instant;

use crate::BoxError;

/// Everyone seeded signs in with this password.
pub const PASSWORD: &str = "commons-demo-password";
pub const ADMIN_EMAIL: &str = "admin@example.com";
const THREE_YEARS_MS: i64 = 3 * 365 * 24 * 3600 * 1000;
const ROWS_PER_STATEMENT: usize = 1_000;
const STATEMENTS_PER_TRANSACTION: usize = 50;
/// About this share of people have a photo (a few thousand of the default 10,000).
const PHOTO_SHARE: f64 = 0.3;
/// Added to the seed for the photos' own random sequence.
const PHOTO_SEED: u64 = 0x5eed_f070;

#[derive(Debug, Clone, PartialEq)]
pub struct SeedOptions {
    pub people: usize,
    pub posts: usize,
    pub seed: u64,
}

pub const SEED_HELP: &str = "\
commons seed: fill an empty database with a realistic organization

USAGE:
    commons seed [--people N] [--posts N] [--seed N] [--small] [server options]

    --people N   people to create      [10000]
    --posts N    posts to create       [1000000]
    --seed N     the random seed; the same seed makes the same organization [1]
    --small      40 people and 400 posts: a living network to look around in
Server options (--database-url, --data-dir, ...) choose the database as for `commons`.
Everyone seeded signs in with the password commons-demo-password; admin@example.com is the
administrator.
";

/// Takes the seed flags out of `args`, leaving the server's own.
pub fn parse(args: Vec<String>) -> Result<(SeedOptions, Vec<String>), String> {
    let mut options = SeedOptions {
        people: 10_000,
        posts: 1_000_000,
        seed: 1,
    };
    let mut rest = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<u64, String> {
            args.next()
                .and_then(|v| v.replace('_', "").parse().ok())
                .ok_or_else(|| format!("{name} needs a whole number"))
        };
        match arg.as_str() {
            "--people" => options.people = number("--people")? as usize,
            "--posts" => options.posts = number("--posts")? as usize,
            "--seed" => options.seed = number("--seed")?,
            "--small" => {
                options.people = 40;
                options.posts = 400;
            }
            _ => rest.push(arg),
        }
    }
    if options.people == 0 {
        return Err("--people must be at least 1".into());
    }
    Ok((options, rest))
}

fn rate(rows: usize, started: Instant) -> String {
    let per_second = rows as f64 / started.elapsed().as_secs_f64().max(1e-9);
    format!(
        "{rows} rows in {:.1} s ({per_second:.0} rows/s)",
        started.elapsed().as_secs_f64()
    )
}

/// Seeds `db` (and its photos into `media`), printing progress. Refuses a database that
/// already has people in it.
pub async fn run(db: &Db, media: &Media, options: &SeedOptions) -> Result<(), BoxError> {
    if accounts::count(db).await? > 0 {
        return Err("this database already has people in it; seed fills an empty one".into());
    }
    let mut rng = StdRng::seed_from_u64(options.seed);
    let until = now_ms();
    let since = until - THREE_YEARS_MS;
    let password_hash = app::auth::password::hash(PASSWORD.into()).await?;

    let mut tx = db.begin().await?;
    app::setup::store::create_organization(&mut tx, "Northwind", &["example.com".to_string()])
        .await?;
    tx.commit().await?;

    let started = Instant::now();
    let chart = organization::chart(&mut rng, options.people);
    let people = make_accounts(&mut rng, chart.len(), since, &password_hash);
    let ids: Vec<i64> = people.iter().map(|p| p.id).collect();
    let handles: Vec<String> = people.iter().map(|p| p.handle.clone()).collect();
    let mut tx = db.begin().await?;
    for chunk in people.chunks(ROWS_PER_STATEMENT / 2) {
        accounts::insert_many(&mut tx, chunk).await?;
    }
    tx.commit().await?;
    drop(people);
    let photos = make_photos(db, media, options.seed, &ids).await?;
    let about = make_profiles(&mut rng, &chart, &ids, &photos);
    let mut tx = db.begin().await?;
    for chunk in about.chunks(ROWS_PER_STATEMENT / 10) {
        profiles::insert_many(&mut tx, chunk).await?;
    }
    tx.commit().await?;
    profiles::index_missing(db).await?;
    println!("people: {}", rate(ids.len(), started));

    let started = Instant::now();
    let pairs = organization::follows(&mut rng, &chart);
    // Numbers the follow notifications made at the same millisecond.
    let mut told = 0;
    for batch in pairs.chunks(ROWS_PER_STATEMENT * STATEMENTS_PER_TRANSACTION) {
        let mut tx = db.begin().await?;
        for chunk in batch.chunks(ROWS_PER_STATEMENT) {
            let rows: Vec<SeedFollow> = chunk
                .iter()
                .map(|&(follower, followee)| {
                    let created_at = since + rng.gen_range(0..THREE_YEARS_MS);
                    SeedFollow {
                        id: app::db::new_id(),
                        follower_id: ids[follower],
                        followee_id: ids[followee],
                        created_at,
                    }
                })
                .collect();
            follows::insert_many(&mut tx, &rows).await?;
            // Everyone followed was told, and has read all but the last week's.
            let notices: Vec<SeedFollowNotice> = rows
                .iter()
                .map(|follow| {
                    told += 1;
                    SeedFollowNotice {
                        id: app::db::id_at(follow.created_at, told),
                        person_id: follow.followee_id,
                        actor_id: follow.follower_id,
                        created_at: follow.created_at,
                        read: follow.created_at < until - 7 * 24 * 3600 * 1000,
                    }
                })
                .collect();
            for chunk in notices.chunks(ROWS_PER_STATEMENT / 2) {
                app::notifications::store::insert_many_follows(&mut tx, chunk).await?;
            }
        }
        tx.commit().await?;
    }
    println!("follows: {}", rate(pairs.len(), started));
    let topic_follows: Vec<SeedTopicFollow> = ids
        .iter()
        .flat_map(|&follower_id| {
            let created_at = since + rng.gen_range(0..THREE_YEARS_MS);
            texts::followed_topics(&mut rng)
                .into_iter()
                .map(move |topic| SeedTopicFollow {
                    follower_id,
                    topic: topic.to_string(),
                    created_at,
                })
        })
        .collect();
    let mut tx = db.begin().await?;
    for chunk in topic_follows.chunks(ROWS_PER_STATEMENT) {
        app::topics::store::insert_follows(&mut tx, chunk).await?;
    }
    tx.commit().await?;

    let started = Instant::now();
    let groups = groups::make(&mut rng, &ids, since, until);
    let mut tx = db.begin().await?;
    for chunk in groups.chunks(ROWS_PER_STATEMENT / 2) {
        app::groups::store::insert_many(&mut tx, chunk).await?;
    }
    tx.commit().await?;
    let memberships: usize = groups.iter().map(|g| g.members.len()).sum();
    println!(
        "groups: {} with {memberships} members ({})",
        groups.len(),
        rate(groups.len(), started)
    );

    let authors: Vec<(i64, &Member)> = ids.iter().copied().zip(chart.iter()).collect();
    let members: std::collections::HashMap<i64, &Member> = authors.iter().copied().collect();
    let started = Instant::now();
    let (mut made, mut comments, mut reactions, mut edited, mut tagged) = (0, 0, 0, 0, 0);
    let (mut question_count, mut answered) = (0, 0);
    // The newest post with an edit history (the history page is benchmarked).
    let mut last_edited = None;
    // The post with the most comments (its permalink is benchmarked).
    let mut longest = (0, 0);
    // The comments and reactions of one batch of posts; each batch's ids go on from the last's.
    let mut talk = conversations::Made::default();
    while made < options.posts {
        let mut tx = db.begin().await?;
        for _ in 0..STATEMENTS_PER_TRANSACTION {
            let count = ROWS_PER_STATEMENT.min(options.posts - made);
            if count == 0 {
                break;
            }
            let batch: Vec<SeedPost> = (made..made + count)
                .map(|n| {
                    let mut post = make_post(&mut rng, n, options.posts, since, &authors);
                    if let Some((group, author)) = groups::audience_for_post(&mut rng, &groups) {
                        post = in_group(&mut rng, post, group, members[&author]);
                        post.author_id = author;
                    }
                    let post = mention_someone(&mut rng, post, &handles);
                    let author = members[&post.author_id];
                    questions::kind_for(&mut rng, post, author)
                })
                .collect();
            posts::insert_many(&mut tx, &batch).await?;
            let tags = topic_tags(&batch);
            tagged += tags.len();
            for chunk in tags.chunks(ROWS_PER_STATEMENT / 2) {
                app::topics::store::insert_many(&mut tx, chunk).await?;
            }
            talk = conversations::Made::after(&talk);
            for post in &batch {
                let made = conversations::for_post(&mut rng, post, &authors, until, &mut talk);
                if made > longest.1 {
                    longest = (post.id, made);
                }
            }
            insert_conversations(&mut tx, &talk).await?;
            let asked = questions::for_batch(&mut rng, &batch, &talk.comments);
            answered += asked.iter().filter(|q| q.accepted.is_some()).count();
            question_count += asked.len();
            app::questions::store::insert_many(&mut tx, &asked).await?;
            let changed = edits::for_batch(&mut tx, &mut rng, &batch, until).await?;
            edited += changed.len();
            last_edited = changed.last().copied().or(last_edited);
            comments += talk.comments.len();
            reactions += talk.reactions.len();
            made += count;
        }
        tx.commit().await?;
        println!("posts: {made}/{} ({})", options.posts, rate(made, started));
    }
    // A bulk load leaves PostgreSQL without statistics, and index-only scans reading the table,
    // until autovacuum gets there (it may be off, as on the benchmark machines).
    if app::db::Dialect::of_pool(db) == app::db::Dialect::Postgres {
        sqlx::Executor::execute(db, "VACUUM ANALYZE").await?;
    }
    if let Some(id) = last_edited {
        println!("an edited post: /history/post-{id}");
    }
    if longest.1 > 0 {
        println!(
            "longest conversation: /posts/{} ({} comments)",
            longest.0, longest.1
        );
    }
    println!(
        "Seeded Northwind: {} people, {} follows, {} photos, {} groups, {} posts ({edited} edited, {tagged} topic tags, {question_count} questions of which {answered} answered), {comments} comments, {reactions} reactions. Sign in as {ADMIN_EMAIL} (or anyone) with the password {PASSWORD}.",
        ids.len(),
        pairs.len(),
        photos.iter().flatten().count(),
        groups.len(),
        options.posts
    );
    // The administrator's largest group (a page they may read, whatever its visibility).
    let admin = ids.first().copied();
    let theirs = groups
        .iter()
        .filter(|g| admin.is_some_and(|a| g.members.contains(&a)));
    if let Some(group) = theirs.max_by_key(|g| g.members.len()) {
        println!(
            "largest group of the administrator's: /groups/{} ({} members)",
            group.id,
            group.members.len()
        );
    }
    Ok(())
}

/// The topics of a batch's posts, as the app reads them from each post's text.
fn topic_tags(batch: &[SeedPost]) -> Vec<app::topics::store::SeedTag> {
    batch
        .iter()
        .flat_map(|post| {
            app::ui::markdown::topics(&post.body_md)
                .into_iter()
                .map(|topic| app::topics::store::SeedTag {
                    topic,
                    post_id: post.id,
                    author_id: post.author_id,
                    audience: post.audience.clone(),
                })
        })
        .collect()
}

/// Stores a batch's comments, reactions and their counts.
async fn insert_conversations(
    conn: &mut sqlx::AnyConnection,
    talk: &conversations::Made,
) -> Result<(), sqlx::Error> {
    use app::conversations::store as talk_store;
    // Comments have nine columns; keep each statement under SQLite's parameter limit.
    for chunk in talk.comments.chunks(ROWS_PER_STATEMENT / 2) {
        talk_store::insert_many_comments(conn, chunk).await?;
    }
    for chunk in talk.reactions.chunks(ROWS_PER_STATEMENT) {
        talk_store::insert_many_reactions(conn, chunk).await?;
    }
    for chunk in talk.counts().chunks(ROWS_PER_STATEMENT) {
        talk_store::insert_many_counts(conn, chunk).await?;
    }
    Ok(())
}

/// Everyone's account: a name and an email.
fn make_accounts(
    rng: &mut StdRng,
    count: usize,
    since: i64,
    password_hash: &str,
) -> Vec<BulkAccount> {
    (0..count)
        .map(|n| {
            let first = words::FIRST_NAMES.choose(rng).unwrap_or(&"Ada");
            let last = words::LAST_NAMES.choose(rng).unwrap_or(&"Smith");
            let admin = n == 0;
            let handle = if admin {
                "admin".to_string()
            } else {
                format!("{}-{}-{n}", first, last).to_lowercase()
            };
            BulkAccount {
                id: id_at(since + n as i64, n as i64),
                email: if admin {
                    ADMIN_EMAIL.to_string()
                } else {
                    format!("{handle}@example.com")
                },
                handle,
                name: if admin {
                    "Northwind Admin".to_string()
                } else {
                    format!("{first} {last}")
                },
                password_hash: password_hash.to_string(),
                is_admin: admin,
                created_at: since + n as i64,
                email_verified_at: Some(since + n as i64),
            }
        })
        .collect()
}

/// Photos for about a third of the people (never the administrator), drawn and stored like
/// uploads; the media id of each person's, if they have one. A random sequence of its own keeps
/// the rest of the organization the same whether or not photos change.
async fn make_photos(
    db: &Db,
    media: &Media,
    seed: u64,
    ids: &[i64],
) -> Result<Vec<Option<i64>>, BoxError> {
    let started = Instant::now();
    let mut rng = StdRng::seed_from_u64(seed.wrapping_add(PHOTO_SEED));
    let mut photos = vec![None; ids.len()];
    let mut rows = Vec::new();
    for (n, &owner_id) in ids.iter().enumerate().skip(1) {
        if !rng.gen_bool(PHOTO_SHARE) {
            continue;
        }
        let id = app::db::new_id();
        let bytes = photos::store(media.storage.as_ref(), &mut rng, id).await?;
        photos[n] = Some(id);
        let row = MediaRow {
            id,
            owner_id,
            kind: Kind::Photo,
            audience: Audience::Organization.key(),
        };
        rows.push((row, bytes));
    }
    let mut tx = db.begin().await?;
    for chunk in rows.chunks(ROWS_PER_STATEMENT / 2) {
        media_store::insert_many(&mut tx, chunk).await?;
    }
    tx.commit().await?;
    println!("photos: {}", rate(rows.len(), started));
    Ok(photos)
}

/// What everyone's profile says, from their place in the chart.
fn make_profiles(
    rng: &mut StdRng,
    chart: &[Member],
    ids: &[i64],
    photos: &[Option<i64>],
) -> Vec<NewProfile> {
    chart
        .iter()
        .enumerate()
        .map(|(n, member)| {
            let mut languages = vec!["English"];
            if let Some(local) = words::local_language(member.place.0) {
                languages.push(local);
            }
            NewProfile {
                user_id: ids[n],
                title: member.title.clone(),
                department: member.team.name.to_string(),
                location: member.place.0.to_string(),
                time_zone: member.place.1.to_string(),
                about: texts::about(rng, member),
                ask_me_about: member.skills.join(", "),
                languages: languages.join(", "),
                manager_id: member.manager.map(|m| ids[m]),
                photo_id: photos[n],
                ..Default::default()
            }
        })
        .collect()
}

/// The `n`-th of `total` posts: evenly spread over the three years (so ids grow with time), by
/// an author drawn with a heavy skew towards the first people.
fn make_post(
    rng: &mut StdRng,
    n: usize,
    total: usize,
    since: i64,
    authors: &[(i64, &Member)],
) -> SeedPost {
    let step = THREE_YEARS_MS / total.max(1) as i64;
    let created_at = since + step * n as i64 + rng.gen_range(0..step.max(1));
    let skew: f64 = rng.gen::<f64>().powi(3);
    let (author_id, author) = authors[((authors.len() as f64) * skew) as usize % authors.len()];
    let body_md = texts::post(rng, author);
    SeedPost {
        id: id_at(created_at, n as i64),
        author_id,
        audience: Audience::Organization.key(),
        body_html: app::ui::markdown::render(&body_md),
        body_md,
        created_at,
        kind: PostKind::Update,
        title: None,
    }
}

/// `post` moved into the group `group`, written again by its member `author`.
fn in_group(rng: &mut StdRng, mut post: SeedPost, group: i64, author: &Member) -> SeedPost {
    post.audience = Audience::Group(group).key();
    post.body_md = texts::post(rng, author);
    post.body_html = app::ui::markdown::render(&post.body_md);
    post
}

/// One post in 20 ends by mentioning a colleague, linked as the app links mentions.
fn mention_someone(rng: &mut StdRng, mut post: SeedPost, handles: &[String]) -> SeedPost {
    if handles.is_empty() || !rng.gen_ratio(1, 20) {
        return post;
    }
    let handle = &handles[rng.gen_range(0..handles.len())];
    post.body_md.push_str(&format!("\n\ncc @{handle}"));
    post.body_html =
        app::ui::markdown::render_mentioning(&post.body_md, std::slice::from_ref(handle));
    post
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_are_taken_out_and_the_rest_kept() {
        let args = ["--small", "--seed", "7", "--database-url", "sqlite://x"]
            .map(String::from)
            .to_vec();
        let (options, rest) = parse(args).unwrap();
        assert_eq!(
            options,
            SeedOptions {
                people: 40,
                posts: 400,
                seed: 7
            }
        );
        assert_eq!(rest, vec!["--database-url", "sqlite://x"]);
        assert!(parse(vec!["--posts".into(), "lots".into()]).is_err());
    }

    #[test]
    fn the_same_seed_makes_the_same_posts() {
        let make = |seed| {
            let mut rng = StdRng::seed_from_u64(seed);
            let chart = organization::chart(&mut rng, 3);
            let authors: Vec<(i64, &Member)> = (1..).zip(chart.iter()).collect();
            (0..50)
                .map(|n| make_post(&mut rng, n, 50, 0, &authors).body_md)
                .collect::<Vec<_>>()
        };
        assert_eq!(make(3), make(3));
        assert_ne!(make(3), make(4));
    }

    #[test]
    fn post_ids_grow_with_time_and_activity_is_skewed() {
        let mut rng = StdRng::seed_from_u64(1);
        let chart = organization::chart(&mut rng, 100);
        let authors: Vec<(i64, &Member)> = (0..).zip(chart.iter()).collect();
        let posts: Vec<SeedPost> = (0..5_000)
            .map(|n| make_post(&mut rng, n, 5_000, 0, &authors))
            .collect();
        assert!(posts
            .windows(2)
            .all(|w| w[0].id < w[1].id && w[0].created_at < w[1].created_at));
        let by_top_ten = posts.iter().filter(|p| p.author_id < 10).count();
        assert!(
            by_top_ten > posts.len() * 4 / 10,
            "the top tenth writes a large share: {by_top_ten}"
        );
    }
}
