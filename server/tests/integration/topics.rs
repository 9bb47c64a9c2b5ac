//! Topics: `#name` links, a topic's page (its posts, kept to what the viewer may see, and who
//! writes about it), edits and deletions that change a post's topics, following a topic into
//! the Following feed, the index of active topics, and the pages without JavaScript.
use crate::support::*;
use app::conversations::model::Item;
use app::error::AppError;
use app::follows::api::Followed;
use app::notifications::api::Notifications;
use app::notifications::model::NoticeKind;
use app::policy::Audience;
use app::posts::api::FollowingFeed;
use app::revisions::api::{DeleteItem, EditItem};
use app::topics::api::{ActiveTopics, SetFollowingTopic, Topic};
use app::topics::model::{TopicFollow, TopicView};

async fn topic(person: &Visitor, name: &str) -> Result<TopicView, AppError> {
    person
        .read(Topic {
            name: name.into(),
            before: None,
        })
        .await
}

fn ids_of(topic: &TopicView) -> Vec<i64> {
    topic.posts.posts.iter().map(|p| p.id).collect()
}

async fn follow_topic(person: &Person, name: &str, follow: bool) -> TopicFollow {
    let call = SetFollowingTopic {
        name: name.into(),
        follow,
    };
    person.run(call).await.expect("topic follow saved")
}

#[tokio::test]
async fn a_topics_page_lists_what_the_viewer_may_see_and_who_writes_about_it() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bob = app.person("Bob Baker").await;
    let cara = app.person("Cara Diaz").await;
    let org = Audience::Organization;

    let first = app.post_for(&ada, org, "Launch day! #Launch").await;
    assert!(
        first.body_html.contains(
            r##"<a href="/topics/launch" rel="noopener noreferrer nofollow ugc">#Launch</a>"##
        ),
        "{}",
        first.body_html
    );
    assert_eq!(
        first.topics,
        vec!["launch"],
        "a new post carries its topics"
    );
    let second = app.post_for(&bob, org, "More on #launch and #ops").await;
    let third = app.post_for(&bob, org, "#launch, again").await;
    app.post_for(&cara, org, "Nothing to tag").await;
    // For Bob alone: only Ada (its author) and Bob see it.
    let private = app
        .post_for(&ada, Audience::Person(bob.id()), "Just for you #launch")
        .await;

    let seen_by_cara = topic(&cara, "Launch").await.unwrap();
    assert_eq!(seen_by_cara.name, "launch", "names are read lowercased");
    assert_eq!(ids_of(&seen_by_cara), vec![third.id, second.id, first.id]);
    assert_eq!(seen_by_cara.writers, 2);
    let top: Vec<(&str, i64)> = seen_by_cara
        .top_writers
        .iter()
        .map(|w| (w.person.name.as_str(), w.posts))
        .collect();
    assert_eq!(top, vec![("Bob Baker", 2), ("Ada Lovelace", 1)]);

    let seen_by_bob = topic(&bob, "launch").await.unwrap();
    assert_eq!(
        ids_of(&seen_by_bob),
        vec![private.id, third.id, second.id, first.id]
    );
    assert_eq!(seen_by_bob.top_writers[0].posts, 2, "a tie: two each");

    assert!(ids_of(&topic(&cara, "nobody-wrote-this").await.unwrap()).is_empty());
    for bad in ["42", "two words", "x".repeat(41).as_str(), ""] {
        assert_eq!(topic(&cara, bad).await, Err(AppError::NotFound), "{bad:?}");
    }
    assert_eq!(
        topic(&app.visitor(), "launch").await,
        Err(AppError::SignInRequired)
    );
}

#[tokio::test]
async fn edits_and_deletions_change_a_posts_topics() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let post = app
        .post_for(&ada, Audience::Organization, "About #alpha")
        .await;
    assert_eq!(ids_of(&topic(&ada, "alpha").await.unwrap()), vec![post.id]);

    let edit = EditItem {
        item: Item::post(post.id).key(),
        body: "Now about #beta and #gamma".into(),
        base: None,
        idempotency_key: None,
    };
    ada.run(edit).await.expect("edited");
    assert!(ids_of(&topic(&ada, "alpha").await.unwrap()).is_empty());
    assert_eq!(ids_of(&topic(&ada, "beta").await.unwrap()), vec![post.id]);
    assert_eq!(ids_of(&topic(&ada, "gamma").await.unwrap()), vec![post.id]);

    let delete = DeleteItem {
        item: Item::post(post.id).key(),
        base: None,
    };
    ada.run(delete).await.expect("deleted");
    assert!(ids_of(&topic(&ada, "beta").await.unwrap()).is_empty());
    let active = ada.read(ActiveTopics {}).await.unwrap();
    assert!(active.is_empty(), "{active:?}");
}

#[tokio::test]
async fn a_followed_topic_brings_its_posts_into_the_following_feed() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bob = app.person("Bob Baker").await;
    let org = Audience::Organization;

    assert_eq!(
        follow_topic(&bob, "Design", true).await,
        TopicFollow {
            following: true,
            followers: 1
        }
    );
    assert_eq!(
        follow_topic(&bob, "design", true).await.followers,
        1,
        "following twice is one follow"
    );
    let about = app.post_for(&ada, org, "New icons #design").await;
    app.post_for(&ada, org, "Lunch menu").await;
    let followed = bob.read(Followed {}).await.unwrap();
    assert_eq!(followed.topics, vec!["design"]);
    assert!(followed.includes(&about), "a live post about it gets in");

    let feed = bob.read(FollowingFeed { before: None }).await.unwrap();
    let ids: Vec<i64> = feed.posts.iter().map(|p| p.id).collect();
    assert_eq!(ids, vec![about.id], "only the post about the topic");
    assert!(topic(&bob, "design").await.unwrap().follow.following);

    assert_eq!(
        follow_topic(&bob, "design", false).await,
        TopicFollow::default()
    );
    let feed = bob.read(FollowingFeed { before: None }).await.unwrap();
    assert!(feed.posts.is_empty());
    let refused = bob
        .run(SetFollowingTopic {
            name: "not a topic".into(),
            follow: true,
        })
        .await;
    assert_eq!(refused, Err(AppError::NotFound));
}

#[tokio::test]
async fn the_index_lists_active_topics_most_posts_first() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bob = app.person("Bob Baker").await;
    let cara = app.person("Cara Diaz").await;
    let org = Audience::Organization;
    app.post_for(&ada, org, "#roadmap one").await;
    app.post_for(&bob, org, "#roadmap two, #hiring").await;
    app.post_for(&bob, org, "#Roadmap three").await;
    app.post_for(&ada, Audience::Person(bob.id()), "#secret")
        .await;

    let seen: Vec<(String, i64, i64)> = cara
        .read(ActiveTopics {})
        .await
        .unwrap()
        .into_iter()
        .map(|t| (t.name, t.posts, t.writers))
        .collect();
    assert_eq!(
        seen,
        vec![("roadmap".into(), 3, 2), ("hiring".into(), 1, 1)],
        "nothing of what Cara may not see"
    );
    let bobs = bob.read(ActiveTopics {}).await.unwrap();
    assert!(bobs.iter().any(|t| t.name == "secret"));
}

#[tokio::test]
async fn an_edit_that_adds_a_mention_tells_the_person_once() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bob = app.person("Bob Baker").await;
    let post = app.post_for(&ada, Audience::Organization, "Hello").await;
    let edit = |body: &str| EditItem {
        item: Item::post(post.id).key(),
        body: body.into(),
        base: None,
        idempotency_key: None,
    };
    ada.run(edit("Hello @bob-baker")).await.unwrap();
    ada.run(edit("Hello again @bob-baker")).await.unwrap();
    let page = bob.read(Notifications { before: None }).await.unwrap();
    let kinds: Vec<NoticeKind> = page.notices.iter().map(|n| n.kind).collect();
    assert_eq!(kinds, vec![NoticeKind::Mention]);
    assert_eq!(page.unread, 1);
}

#[tokio::test]
async fn the_topic_pages_work_without_javascript() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    app.post_for(&ada, Audience::Organization, "Kickoff #planning")
        .await;

    let (status, html) = ada.page("/topics").await;
    assert_eq!(status, 200);
    assert!(
        html.contains(r#"<a href="/topics/planning">#planning</a>"#),
        "{html}"
    );
    let (status, html) = ada.page("/topics/planning").await;
    assert_eq!(status, 200);
    assert!(html.contains(">#planning</h1>"), "{html}");
    assert!(html.contains("1 person wrote about it"), "{html}");
    assert!(html.contains("Kickoff"), "{html}");

    let response = ada
        .submit_form(
            "/topics/planning",
            "set_following_topic",
            &[("name", "planning"), ("follow", "true")],
        )
        .await;
    assert_eq!(location(&response), "/topics/planning");
    let (_, html) = ada.page("/topics/planning").await;
    assert!(html.contains("Following topic"), "{html}");
    let (status, _) = ada.page("/topics/not%20a%20topic").await;
    assert_eq!(status, 404);
}
