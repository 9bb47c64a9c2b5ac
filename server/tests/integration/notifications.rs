//! Notifications: who hears of comments, replies, mentions, reactions and follows (never of
//! their own actions, never of what they may not see), the bell's live count, the page, and
//! "Mark all as read" with and without JavaScript.
use crate::support::*;
use app::conversations::api::{CreateComment, SetReaction};
use app::conversations::model::{Item, ReactionKind};
use app::follows::api::SetFollowing;
use app::notifications::api::{MarkAllRead, Notifications, UnreadNotifications};
use app::notifications::model::{NoticeKind, NoticesPage, UnreadChanged, PAGE};
use app::policy::Audience;

async fn notices(person: &Person) -> NoticesPage {
    person
        .read(Notifications { before: None })
        .await
        .expect("notifications")
}

async fn unread(person: &Person) -> i64 {
    person.read(UnreadNotifications {}).await.unwrap().count
}

fn comment(post_id: i64, reply_to: Option<i64>, body: &str) -> CreateComment {
    CreateComment {
        post_id,
        reply_to,
        body: body.into(),
        idempotency_key: None,
    }
}

fn react(item: Item) -> SetReaction {
    SetReaction {
        item: item.key(),
        reaction: ReactionKind::Like.key().into(),
    }
}

#[tokio::test]
async fn each_person_hears_of_what_concerns_them_once() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bob = app.person("Bob Baker").await;
    let cara = app.person("Cara Diaz").await;
    let dan = app.person("Dan Dee").await;

    let post = app
        .post_for(
            &ada,
            Audience::Organization,
            "Ideas, @bob-baker? cc @nobody-here",
        )
        .await;
    assert!(
        post.body_html.contains(
            r#"<a href="/people/bob-baker" rel="noopener noreferrer nofollow ugc">@bob-baker</a>"#
        ),
        "{}",
        post.body_html
    );
    let said = bob.run(comment(post.id, None, "One idea")).await.unwrap();
    let answered = ada
        .run(comment(post.id, Some(said.id), "Tell me more, @cara-diaz"))
        .await
        .unwrap();
    ada.run(react(Item::post(post.id))).await.unwrap();
    cara.run(react(Item::post(post.id))).await.unwrap();
    dan.run(react(Item::post(post.id))).await.unwrap();
    let follow = SetFollowing {
        handle: ada.viewer.handle.clone(),
        follow: true,
    };
    bob.run(follow).await.unwrap();

    let to_ada = notices(&ada).await;
    let lines: Vec<String> = to_ada.notices.iter().map(|n| n.text()).collect();
    assert_eq!(
        lines,
        vec![
            "Bob Baker started following you",
            "Dan Dee and 1 other reacted to your post",
            "Bob Baker commented on your post",
        ],
        "one line for everyone who reacted; nothing of Ada's own reaction or reply"
    );
    assert_eq!(to_ada.unread, 3);
    assert_eq!(
        to_ada.notices[2].href(),
        format!("/posts/{}#comment-{}", post.id, said.id)
    );

    let to_bob = notices(&bob).await;
    let kinds: Vec<NoticeKind> = to_bob.notices.iter().map(|n| n.kind).collect();
    assert_eq!(kinds, vec![NoticeKind::Reply, NoticeKind::Mention]);
    assert_eq!(
        to_bob.notices[0].text(),
        "Ada Lovelace replied to your comment"
    );
    assert_eq!(
        to_bob.notices[0].href(),
        format!("/posts/{}#comment-{}", post.id, answered.id)
    );
    assert_eq!(to_bob.notices[1].href(), format!("/posts/{}", post.id));
    let to_cara = notices(&cara).await;
    assert_eq!(
        to_cara.notices.iter().map(|n| n.text()).collect::<Vec<_>>(),
        vec!["Ada Lovelace mentioned you in a comment"]
    );
    assert_eq!(unread(&dan).await, 0);
}

#[tokio::test]
async fn nobody_hears_of_what_they_may_not_see() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bob = app.person("Bob Baker").await;
    let note = app
        .post_for(
            &ada,
            Audience::Person(ada.id()),
            "remember to thank @bob-baker",
        )
        .await;
    ada.run(comment(note.id, None, "and @bob-baker again"))
        .await
        .unwrap();
    assert_eq!(unread(&bob).await, 0);
    assert!(notices(&bob).await.notices.is_empty());
}

#[tokio::test]
async fn the_bell_counts_live_and_mark_all_as_read_clears_it() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bob = app.person("Bob Baker").await;
    let post = app.post_for(&bob, Audience::Organization, "Bob's").await;
    let mut bobs = bob.open_live(None).await.expect("stream opens");
    let mut adas = ada.open_live(None).await.expect("stream opens");

    ada.run(comment(post.id, None, "first")).await.unwrap();
    ada.run(comment(post.id, None, "second")).await.unwrap();
    // Bob's stream may also carry his own post, if the log's follower reached it only after
    // the stream opened; read until both counts came (a bounded number of events).
    let mut counts: Vec<i64> = Vec::new();
    for _ in 0..6 {
        if counts.len() == 2 {
            break;
        }
        let event = bobs.events(1).await.remove(0);
        counts.extend(event.decode::<UnreadChanged>().map(|changed| changed.count));
    }
    assert_eq!(counts, vec![1, 2]);
    let adas_events = adas.events(2).await;
    assert!(
        adas_events
            .iter()
            .all(|e| e.decode::<UnreadChanged>().is_none()),
        "Bob's count never reaches Ada's stream"
    );

    let page = bob.open("/").await;
    assert!(page.link("Notifications, 2 unread").is_some());
    let page = bob.open("/notifications").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.texts("h1"), vec!["Notifications"]);
    assert_eq!(page.texts(".notice-line.unread").len(), 2);
    assert!(page.has_button("Mark all as read"));

    let back = bob
        .submit_form("/notifications", "mark_all_read", &[])
        .await;
    assert_eq!(location(&back), "/notifications");
    let changed: UnreadChanged = bobs.events(1).await[0].decode().expect("the new count");
    assert_eq!(changed.count, 0);
    assert_eq!(unread(&bob).await, 0);
    let page = bob.open("/notifications").await;
    assert!(page.texts(".notice-line.unread").is_empty());
    assert!(!page.has_button("Mark all as read"));
    assert!(bob.open("/").await.link("Notifications").is_some());
    bob.run(MarkAllRead {})
        .await
        .expect("nothing to mark is fine");
}

#[tokio::test]
async fn a_long_list_pages_newest_first() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let post = app
        .post_for(&ada, Audience::Organization, "Like this")
        .await;
    for n in 0..PAGE + 5 {
        let fan = app.person(&format!("Fan {n}")).await;
        let follow = SetFollowing {
            handle: ada.viewer.handle.clone(),
            follow: true,
        };
        fan.run(follow).await.unwrap();
        fan.run(react(Item::post(post.id))).await.unwrap();
    }
    let first = notices(&ada).await;
    assert_eq!(first.notices.len(), PAGE);
    assert_eq!(
        first.notices[0].text(),
        format!(
            "Fan {} and {} others reacted to your post",
            PAGE + 4,
            PAGE + 4
        )
    );
    let rest = ada
        .read(Notifications { before: first.next })
        .await
        .unwrap();
    assert_eq!(first.notices.len() + rest.notices.len(), PAGE + 6);
    assert_eq!(rest.next, None);
    let older = ada
        .open(&format!("/notifications?before={}", first.next.unwrap()))
        .await;
    assert_eq!(older.texts(".notice-line").len(), 6);
}

#[tokio::test]
async fn what_is_deleted_leaves_no_notification_behind() {
    use app::revisions::api::DeleteItem;
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bob = app.person("Bob Baker").await;
    let post = app
        .post_for(&ada, Audience::Organization, "Hello @bob-baker")
        .await;
    let said = bob.run(comment(post.id, None, "Hi Ada")).await.unwrap();
    assert_eq!(unread(&ada).await, 1);
    let delete = |item: Item| DeleteItem {
        item: item.key(),
        base: None,
    };
    bob.run(delete(Item::comment(said.id))).await.unwrap();
    assert!(notices(&ada).await.notices.is_empty());
    assert_eq!(unread(&ada).await, 0);
    assert_eq!(
        unread(&bob).await,
        1,
        "the mention stays while the post does"
    );
    ada.run(delete(Item::post(post.id))).await.unwrap();
    assert!(notices(&bob).await.notices.is_empty());
    assert_eq!(unread(&bob).await, 0);
}
