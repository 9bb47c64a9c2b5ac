use crate::support::*;
use app::error::AppError;
use std::collections::HashSet;

#[tokio::test]
async fn posts_render_markdown_and_come_newest_first() {
    let app = TestApp::spawn().await;
    let ada = app.setup().await;
    let bob = app.member("Bob", "bob@example.org").await;
    let first = ada.post("Hello **team**").await;
    let second = bob.post("- one\n- two").await;
    assert!(
        first.body_html.contains("<strong>team</strong>"),
        "{}",
        first.body_html
    );

    let feed = bob.feed(None).await.unwrap();
    let ids: Vec<i64> = feed.posts.iter().map(|p| p.id).collect();
    assert_eq!(ids, vec![second.id, first.id]);
    assert_eq!(feed.posts[1].author_name, "Ada Admin");
    assert_eq!(feed.next, None);

    let permalink: app::posts::model::PostView = bob
        .get_as("get_post", &[("id", &first.id.to_string())])
        .await
        .unwrap();
    // The same post; its conversation is read as of the permalink's own moment.
    let conversation = first.conversation.clone();
    assert_eq!(
        app::posts::model::PostView {
            conversation,
            ..permalink
        },
        first
    );
}

#[tokio::test]
async fn cursor_paging_has_no_duplicates_or_gaps() {
    let app = TestApp::spawn().await;
    let ada = app.setup().await;
    let mut made = Vec::new();
    for n in 0..47 {
        made.push(ada.post(&format!("post {n}")).await.id);
    }
    let mut seen = Vec::new();
    let mut cursor = None;
    loop {
        let page = ada.feed(cursor).await.unwrap();
        assert!(page.posts.len() <= app::posts::model::PAGE_SIZE);
        seen.extend(page.posts.iter().map(|p| p.id));
        match page.next {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    made.reverse();
    assert_eq!(seen, made, "every post once, newest first");
    assert_eq!(seen.iter().collect::<HashSet<_>>().len(), 47);
}

#[tokio::test]
async fn the_same_idempotency_key_never_makes_two_posts() {
    let app = TestApp::spawn().await;
    let ada = app.setup().await;
    let form = [("body", "only once"), ("idempotency_key", "k-123")];
    let first: app::posts::model::PostView = ada.call_as("create_post", &form).await.unwrap();
    let retry: app::posts::model::PostView = ada.call_as("create_post", &form).await.unwrap();
    assert_eq!(first.id, retry.id);
    assert_eq!(ada.feed(None).await.unwrap().posts.len(), 1);
}

#[tokio::test]
async fn strangers_cannot_read_or_post() {
    let app = TestApp::spawn().await;
    let ada = app.setup().await;
    let post = ada.post("members only").await;
    let stranger = app.visitor();
    assert_eq!(stranger.feed(None).await, Err(AppError::SignInRequired));
    let read = stranger
        .get_as::<app::posts::model::PostView>("get_post", &[("id", &post.id.to_string())])
        .await;
    assert_eq!(read, Err(AppError::SignInRequired));
    let write = stranger
        .call_as::<app::posts::model::PostView>("create_post", &[("body", "hi")])
        .await;
    assert_eq!(write, Err(AppError::SignInRequired));
    let page = stranger.open(&format!("/posts/{}", post.id)).await;
    assert_eq!(page.status, 200);
    assert!(
        page.has_region("Welcome to Acme"),
        "the stranger is asked to sign in"
    );
    assert!(page.texts(".post-body").is_empty());
    assert!(!page.text().contains("members only"));
}

#[tokio::test]
async fn empty_and_oversized_posts_are_refused_with_a_reason() {
    let app = TestApp::spawn().await;
    let ada = app.setup().await;
    let empty = ada
        .call_as::<app::posts::model::PostView>("create_post", &[("body", "   ")])
        .await;
    assert_eq!(empty, Err(AppError::Invalid(app::posts::model::BODY_EMPTY)));
    let long = "x".repeat(10_001);
    let too_long = ada
        .call_as::<app::posts::model::PostView>("create_post", &[("body", long.as_str())])
        .await;
    assert!(
        too_long == Err(AppError::Invalid(app::posts::model::BODY_LONG)),
        "{too_long:?}"
    );
}

const XSS: [&str; 7] = [
    "</title><script>alert('xss')</script>",
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert('xss')>",
    "[click](javascript:alert('xss'))",
    "<a href=\"javascript:alert('xss')\">x</a>",
    "<svg/onload=alert('xss')>",
    "\"><iframe src=javascript:alert('xss')>",
];

fn assert_inert(html: &str) {
    let lower = html.to_lowercase();
    // Escaped text (&lt;img ...) is harmless; live tags and javascript: links are not.
    for bad in [
        "<script>alert",
        "<img",
        "<svg",
        "<iframe",
        "<a href=\"javascript:",
    ] {
        if let Some(at) = lower.find(bad) {
            let start = lower[..at]
                .char_indices()
                .rev()
                .nth(120)
                .map_or(0, |(i, _)| i);
            panic!(
                "found {bad} in page: …{}…",
                &html[start..(at + 60).min(html.len())]
            );
        }
    }
}

#[tokio::test]
async fn script_in_posts_and_profiles_is_rendered_inert() {
    let app = TestApp::spawn().await;
    let ada = app.setup().await;
    for payload in XSS {
        ada.post(payload).await;
    }
    for payload in XSS {
        ada.call(
            "update_profile",
            &[
                ("handle", "ada-admin"),
                ("name", payload),
                ("title", payload),
                ("department", payload),
                ("about", payload),
            ],
        )
        .await
        .unwrap();
        for page in ["/", "/people/ada-admin"] {
            let (status, html) = ada.page(page).await;
            assert!(status.is_success(), "{page}: {status}");
            assert_inert(&html);
        }
    }
}
