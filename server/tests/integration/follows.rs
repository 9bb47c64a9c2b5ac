//! Following: the toggle, the counts and lists, the Following feed, and the live notice.
use crate::support::*;
use app::error::AppError;
use app::follows::{
    api::{Followers, Following, SetFollowing},
    model::{FollowStarted, FollowSummary, NOT_YOURSELF},
};
use app::posts::api::FollowingFeed;
use reqwest::StatusCode;

pub(crate) async fn set(
    person: &Person,
    handle: &str,
    follow: bool,
) -> Result<FollowSummary, AppError> {
    person
        .run(SetFollowing {
            handle: handle.into(),
            follow,
        })
        .await
}

#[tokio::test]
async fn following_counts_and_lists_both_ways() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bea = app.person("Bea Member").await;
    let cy = app.person("Cy Young").await;

    let summary = set(&ada, "bea-member", true).await.unwrap();
    assert_eq!(
        summary,
        FollowSummary {
            followers: 1,
            following: 0,
            viewer_follows: true
        }
    );
    // Following twice is still one follow.
    assert_eq!(set(&ada, "bea-member", true).await.unwrap().followers, 1);
    set(&cy, "bea-member", true).await.unwrap();
    set(&ada, "cy-young", true).await.unwrap();

    let followers = bea
        .read(Followers {
            handle: "bea-member".into(),
            before: None,
        })
        .await
        .unwrap();
    let names: Vec<&str> = followers.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["Cy Young", "Ada Lovelace"], "newest first");
    let following = bea
        .read(Following {
            handle: "ada-lovelace".into(),
            before: None,
        })
        .await
        .unwrap();
    let names: Vec<&str> = following.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["Cy Young", "Bea Member"]);

    let summary = set(&ada, "bea-member", false).await.unwrap();
    assert_eq!((summary.followers, summary.viewer_follows), (1, false));
    assert_eq!(
        set(&ada, "ada-lovelace", true).await,
        Err(AppError::Invalid(NOT_YOURSELF))
    );
    assert_eq!(set(&ada, "nobody", true).await, Err(AppError::NotFound));
    let stranger = app.visitor();
    let refused = stranger
        .read(Followers {
            handle: "bea-member".into(),
            before: None,
        })
        .await;
    assert_eq!(refused, Err(AppError::SignInRequired));
}

#[tokio::test]
async fn lists_page_by_cursor_without_repeats() {
    let app = TestApp::spawn().await;
    let star = app.person_after_setup("Star Person").await;
    let mut expected = Vec::new();
    for n in 0..35 {
        let fan = app.person(&format!("Fan {n:02}")).await;
        set(&fan, "star-person", true).await.unwrap();
        expected.insert(0, fan.viewer.name.clone());
    }
    let mut seen = Vec::new();
    let mut before = None;
    loop {
        let page = star
            .read(Followers {
                handle: "star-person".into(),
                before,
            })
            .await
            .unwrap();
        seen.extend(page.people.into_iter().map(|p| p.name));
        match page.next {
            Some(next) => before = Some(next),
            None => break,
        }
    }
    assert_eq!(seen, expected);
}

#[tokio::test]
async fn the_following_feed_has_the_people_followed_and_oneself() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bea = app.person("Bea Member").await;
    let cy = app.person("Cy Young").await;
    let from_bea = bea.post("from Bea").await;
    cy.post("from Cy").await;
    let own = ada.post("from Ada").await;
    set(&ada, "bea-member", true).await.unwrap();

    let feed = ada.read(FollowingFeed { before: None }).await.unwrap();
    let ids: Vec<i64> = feed.posts.iter().map(|p| p.id).collect();
    assert_eq!(ids, vec![own.id, from_bea.id]);
    // Everyone's view still has all three.
    assert_eq!(ada.feed(None).await.unwrap().posts.len(), 3);

    // More than a page: the cursor walks the rest.
    for n in 0..25 {
        bea.post(&format!("Bea {n}")).await;
    }
    let first = ada.read(FollowingFeed { before: None }).await.unwrap();
    assert_eq!(first.posts.len(), 20);
    let rest = ada
        .read(FollowingFeed { before: first.next })
        .await
        .unwrap();
    assert_eq!(rest.posts.len(), 7);
    assert!(rest.posts.iter().all(|p| p.author_id != cy.id()));
}

#[tokio::test]
async fn the_person_followed_hears_of_it_live_and_nobody_else() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bea = app.person("Bea Member").await;
    let cy = app.person("Cy Young").await;
    let mut beas = bea.open_live(None).await.expect("stream");
    let mut cys = cy.open_live(None).await.expect("stream");
    set(&ada, "bea-member", true).await.unwrap();
    let marker = cy.post("after the follow").await;

    let events = beas.events(2).await;
    let started: FollowStarted = events[0].decode().expect("a follow");
    assert_eq!(
        (started.follower.name.as_str(), started.followee_id),
        ("Ada Lovelace", bea.id())
    );
    // Cy's stream goes straight to the post: the follow was not his to see.
    assert_eq!(cys.post_ids(1).await, vec![marker.id]);
}

#[tokio::test]
async fn without_javascript_the_toggle_is_a_form_back_to_the_profile() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    app.person("Bea Member").await;
    let page = ada.open("/people/bea-member").await;
    assert!(page.has_button("Follow"));
    assert_eq!(
        page.link("0 followers").as_deref(),
        Some("/people/bea-member/followers")
    );
    let response = ada
        .submit_form(
            "/people/bea-member",
            "set_following",
            &[("handle", "bea-member"), ("follow", "true")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let page = ada.open("/people/bea-member").await;
    assert!(page.has_button("Following"));
    assert!(page.link("1 follower").is_some());
    let list = ada.open("/people/bea-member/followers").await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(
        list.link("Ada Lovelace").as_deref(),
        Some("/people/ada-lovelace")
    );
    let own = ada.open("/people/ada-lovelace").await;
    assert!(!own.has_button("Follow") && !own.has_button("Following"));
    assert!(own.link("1 following").is_some());
    let tabs = ada.open("/?view=following").await;
    assert!(tabs.has_region("Feed views"));
    assert!(tabs.link("Everyone").is_some() && tabs.link("Following").is_some());
}

#[tokio::test]
async fn an_open_following_feed_knows_whom_it_lets_in_live() {
    async fn ids(person: &Person) -> Vec<i64> {
        let mut ids = person
            .read(app::follows::api::Followed {})
            .await
            .expect("followed ids")
            .people;
        ids.sort_unstable();
        ids
    }
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bea = app.person("Bea Member").await;
    let cy = app.person("Cy Young").await;
    assert_eq!(ids(&ada).await, Vec::<i64>::new());
    set(&ada, "bea-member", true).await.unwrap();
    set(&ada, "cy-young", true).await.unwrap();
    let mut both = vec![bea.id(), cy.id()];
    both.sort_unstable();
    assert_eq!(ids(&ada).await, both);
    set(&ada, "cy-young", false).await.unwrap();
    assert_eq!(ids(&ada).await, vec![bea.id()]);
}
