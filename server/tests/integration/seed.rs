//! `commons seed` fills an empty database with an organization people can sign in to and browse.
use crate::support::*;
use server::seed::{self, SeedOptions, ADMIN_EMAIL, PASSWORD as SEED_PASSWORD};

#[tokio::test]
async fn a_seeded_organization_can_be_signed_into_and_browsed() {
    let app = TestApp::spawn().await;
    let db = app::db::connect(&app.db.url, 2).await.unwrap();
    let options = SeedOptions {
        people: 30,
        posts: 250,
        seed: 5,
    };
    seed::run(&db, &app.state.media, &options)
        .await
        .expect("seeding works");

    let admin = app.visitor();
    admin
        .call(
            "sign_in",
            &[("email", ADMIN_EMAIL), ("password", SEED_PASSWORD)],
        )
        .await
        .unwrap();
    let session = admin.session().await;
    assert_eq!(session.organization.as_deref(), Some("Northwind"));
    assert!(session.viewer.unwrap().is_admin);

    let mut seen = 0;
    let mut cursor = None;
    let mut last_id = i64::MAX;
    let mut edited = Vec::new();
    loop {
        let page = admin.feed(cursor).await.unwrap();
        for post in &page.posts {
            assert!(post.id < last_id, "newest first, no repeats");
            last_id = post.id;
            if post.edited.is_some() {
                edited.push(post.id);
            }
        }
        seen += page.posts.len();
        match page.next {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    assert_eq!(seen, 250);
    assert!(!edited.is_empty(), "a few posts were edited");
    for id in edited {
        let history = admin
            .read(app::revisions::api::ItemHistory {
                item: app::conversations::model::Item::post(id).key(),
                before: None,
            })
            .await
            .unwrap();
        let numbers: Vec<i64> = history.revisions.iter().map(|r| r.number).collect();
        let oldest = numbers.len() as i64;
        assert!(oldest >= 3, "several revisions");
        assert_eq!(numbers, (1..=oldest).rev().collect::<Vec<_>>());
    }

    // Topics, as the app reads them from the text: the busiest one's page lists its posts.
    let (topic, uses): (String, i64) = sqlx::query_as(
        "SELECT topic, COUNT(*) FROM post_topics GROUP BY topic ORDER BY COUNT(*) DESC, topic \
         LIMIT 1",
    )
    .fetch_one(&db)
    .await
    .expect("the seed writes about topics");
    let page = admin
        .read(app::topics::api::Topic {
            name: topic.clone(),
            before: None,
        })
        .await
        .unwrap();
    assert_eq!(page.posts.posts.len() as i64, uses.min(20));
    let link = format!(r#"href="/topics/{topic}""#);
    assert!(page.posts.posts.iter().all(|p| p.body_html.contains(&link)));

    let page = admin.open("/people/admin").await;
    assert_eq!(page.status, 200);
    assert!(page.has_region("Posts by Northwind Admin"));
    let again = seed::run(&db, &app.state.media, &options).await;
    assert!(again.is_err(), "seeding refuses a database that has people");
}
