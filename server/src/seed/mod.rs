//! `commons seed`: fills an empty database with a realistic organization, deterministically from
//! a seed value. By default 10,000 people and 1,000,000 posts over three years, with activity
//! skewed the way real networks are (a few people post a lot); `--small` makes a friendly one.
mod words;

use app::{
    auth::store::{self as accounts, SeedAccount},
    db::{id_at, now_ms, Db},
    people::store::{self as profiles, SeedProfile},
    posts::store::{self as posts, SeedPost},
};
use rand::{rngs::StdRng, seq::SliceRandom, Rng, SeedableRng};
use std::time::Instant;

use crate::BoxError;

/// Everyone seeded signs in with this password.
pub const PASSWORD: &str = "commons-demo-password";
pub const ADMIN_EMAIL: &str = "admin@example.com";
const THREE_YEARS_MS: i64 = 3 * 365 * 24 * 3600 * 1000;
const ROWS_PER_STATEMENT: usize = 1_000;
const STATEMENTS_PER_TRANSACTION: usize = 50;

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

/// Seeds `db`, printing progress. Refuses a database that already has people in it.
pub async fn run(db: &Db, options: &SeedOptions) -> Result<(), BoxError> {
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
    let (people, about) = make_people(&mut rng, options.people, since, &password_hash);
    let mut tx = db.begin().await?;
    for chunk in people.chunks(ROWS_PER_STATEMENT / 2) {
        accounts::insert_many(&mut tx, chunk).await?;
    }
    for chunk in about.chunks(ROWS_PER_STATEMENT / 2) {
        profiles::insert_many(&mut tx, chunk).await?;
    }
    tx.commit().await?;
    profiles::index_missing(db).await?;
    println!("people: {}", rate(people.len(), started));

    let ids: Vec<i64> = people.iter().map(|p| p.id).collect();
    drop((people, about));
    let started = Instant::now();
    let mut made = 0;
    while made < options.posts {
        let mut tx = db.begin().await?;
        for _ in 0..STATEMENTS_PER_TRANSACTION {
            let count = ROWS_PER_STATEMENT.min(options.posts - made);
            if count == 0 {
                break;
            }
            let batch: Vec<SeedPost> = (made..made + count)
                .map(|n| make_post(&mut rng, n, options.posts, since, &ids))
                .collect();
            posts::insert_many(&mut tx, &batch).await?;
            made += count;
        }
        tx.commit().await?;
        println!("posts: {made}/{} ({})", options.posts, rate(made, started));
    }
    println!(
        "Seeded Northwind: {} people, {} posts. Sign in as {ADMIN_EMAIL} (or anyone) with the password {PASSWORD}.",
        ids.len(),
        options.posts
    );
    Ok(())
}

/// Everyone's account, and what their profile says.
fn make_people(
    rng: &mut StdRng,
    count: usize,
    since: i64,
    password_hash: &str,
) -> (Vec<SeedAccount>, Vec<SeedProfile>) {
    (0..count)
        .map(|n| {
            let first = words::FIRST_NAMES.choose(rng).unwrap_or(&"Ada");
            let last = words::LAST_NAMES.choose(rng).unwrap_or(&"Smith");
            let (location, time_zone) = words::PLACES
                .choose(rng)
                .copied()
                .unwrap_or(("Remote", "UTC"));
            let admin = n == 0;
            let handle = if admin {
                "admin".to_string()
            } else {
                format!("{}-{}-{n}", first, last).to_lowercase()
            };
            let id = id_at(since + n as i64, n as i64);
            let account = SeedAccount {
                id,
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
            };
            let profile = SeedProfile {
                user_id: id,
                title: words::TITLES.choose(rng).unwrap_or(&"Engineer").to_string(),
                department: words::DEPARTMENTS
                    .choose(rng)
                    .unwrap_or(&"Engineering")
                    .to_string(),
                location: location.to_string(),
                time_zone: time_zone.to_string(),
                about: words::about(rng),
            };
            (account, profile)
        })
        .unzip()
}

/// The `n`-th of `total` posts: evenly spread over the three years (so ids grow with time), by
/// an author drawn with a heavy skew towards the first people.
fn make_post(rng: &mut StdRng, n: usize, total: usize, since: i64, authors: &[i64]) -> SeedPost {
    let step = THREE_YEARS_MS / total.max(1) as i64;
    let created_at = since + step * n as i64 + rng.gen_range(0..step.max(1));
    let skew: f64 = rng.gen::<f64>().powi(3);
    let author_id = authors[((authors.len() as f64) * skew) as usize % authors.len()];
    let body_md = words::post_body(rng);
    SeedPost {
        id: id_at(created_at, n as i64),
        author_id,
        body_html: app::ui::markdown::render(&body_md),
        body_md,
        created_at,
    }
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
        let authors = [1, 2, 3];
        let make = |seed| {
            let mut rng = StdRng::seed_from_u64(seed);
            (0..50)
                .map(|n| make_post(&mut rng, n, 50, 0, &authors).body_md)
                .collect::<Vec<_>>()
        };
        assert_eq!(make(3), make(3));
        assert_ne!(make(3), make(4));
    }

    #[test]
    fn post_ids_grow_with_time_and_activity_is_skewed() {
        let authors: Vec<i64> = (0..100).collect();
        let mut rng = StdRng::seed_from_u64(1);
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
