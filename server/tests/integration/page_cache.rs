//! Pages kept as sent (`server::page_cache`): a reload before anything changed gets the same
//! page with a fresh nonce; any change, another person, or a page marked not to be kept gets
//! one made afresh.
use crate::support::*;
use app::conversations::api::CreateComment;
use app::policy::Audience;
use server::page_cache::STATUS_HEADER;

/// A page as sent: whether it was kept or made, its CSP nonce, and its HTML.
struct Sent {
    status: String,
    nonce: String,
    html: String,
}

async fn get(person: &Person, path: &str) -> Sent {
    let response = person
        .client
        .get(format!("{}{path}", person.url))
        .header("accept", "text/html")
        .send()
        .await
        .expect("page answered");
    assert!(
        response.status().is_success(),
        "{path}: {}",
        response.status()
    );
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let nonce = csp_nonce(&header("content-security-policy"));
    let status = header(STATUS_HEADER);
    Sent {
        status,
        nonce,
        html: response.text().await.expect("page body"),
    }
}

/// Asks for `path` again until the answer is the kept page. Work in the background (the
/// periodic clean-up job finishing, the log's follower reading what setting up wrote) counts as
/// a change and may make one more page first; nothing changing for a few asks in a row must
/// give the kept page.
async fn until_kept(person: &Person, path: &str) -> Sent {
    for _ in 0..5 {
        let page = get(person, path).await;
        if page.status == "kept" {
            return page;
        }
    }
    panic!("{path} was made afresh every time, with nothing changed");
}

#[tokio::test]
async fn a_reload_gets_the_kept_page_with_a_fresh_nonce_until_something_changes() {
    let app = TestApp::spawn_keeping().await;
    app.setup().await;
    let (ann, bob) = (app.admin("Ann Lee").await, app.person("Bob Roe").await);
    let post = app
        .post_for(&ann, Audience::Organization, "Lunch at noon?")
        .await;

    let first = get(&ann, "/").await;
    assert_eq!(first.status, "made");
    assert!(first.html.contains("Lunch at noon?"));
    let again = until_kept(&ann, "/").await;
    assert_ne!(again.nonce, first.nonce, "every answer has its own nonce");
    assert!(again.html.contains(&format!("nonce=\"{}\"", again.nonce)));
    assert!(!again.html.contains(&first.nonce), "no old nonce is left");
    assert_eq!(again.html.replace(&again.nonce, &first.nonce), first.html);

    // Bob comments: Ann's next page is made afresh and shows it.
    bob.run(CreateComment {
        post_id: post.id,
        reply_to: None,
        body: "Count me in".into(),
        idempotency_key: None,
    })
    .await
    .expect("commented");
    let after = get(&ann, "/").await;
    assert_eq!(after.status, "made");
    assert!(after.html.contains("Count me in"));
}

#[tokio::test]
async fn nobody_is_sent_a_page_kept_for_someone_else() {
    let app = TestApp::spawn_keeping().await;
    app.setup().await;
    let (ann, bob) = (app.admin("Ann Lee").await, app.person("Bob Roe").await);
    assert_eq!(get(&ann, "/").await.status, "made");
    until_kept(&ann, "/").await;
    assert_eq!(get(&bob, "/").await.status, "made");
    // Another address is another page.
    assert_eq!(get(&ann, "/?view=following").await.status, "made");
}

#[tokio::test]
async fn a_change_outside_the_event_log_is_seen_on_the_next_page() {
    let app = TestApp::spawn_keeping().await;
    app.setup().await;
    let ann = app.admin("Ann Lee").await;
    let path = format!("/people/{}", ann.viewer.handle);
    assert_eq!(get(&ann, &path).await.status, "made");
    until_kept(&ann, &path).await;
    // A profile edit is a plain form post; nothing of it goes to the event log.
    let edited = ann
        .submit_form(
            &path,
            "update_profile",
            &[
                ("handle", ann.viewer.handle.as_str()),
                ("name", "Ann Lee"),
                ("title", "Head of Facilities"),
                ("department", ""),
                ("about", ""),
            ],
        )
        .await;
    assert!(edited.status().is_redirection(), "{}", edited.status());
    let after = get(&ann, &path).await;
    assert_eq!(after.status, "made");
    assert!(
        after.html.contains("Head of Facilities"),
        "the new title shows"
    );
}

#[tokio::test]
async fn a_page_with_a_key_of_its_own_is_never_kept() {
    let app = TestApp::spawn_keeping().await;
    app.setup().await;
    let ann = app.admin("Ann Lee").await;
    let post = app
        .post_for(&ann, Audience::Organization, "A first draft")
        .await;
    let path = format!("/edit/post-{}", post.id);
    let key = |html: &str| {
        html.split("name=\"idempotency_key\" value=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("the form's key")
            .to_string()
    };
    let (first, second) = (get(&ann, &path).await, get(&ann, &path).await);
    assert_eq!((first.status.as_str(), second.status.as_str()), ("", ""));
    assert_ne!(key(&first.html), key(&second.html), "two tabs, two keys");
}

#[tokio::test]
async fn many_asking_at_once_wait_for_one_page_to_be_made() {
    let app = TestApp::spawn_keeping().await;
    app.setup().await;
    let ann = app.admin("Ann Lee").await;
    app.post_for(&ann, Audience::Organization, "Standup moved to 10")
        .await;
    let asks = (0..16).map(|_| get(&ann, "/"));
    let sent = futures::future::join_all(asks).await;
    let made = sent.iter().filter(|s| s.status == "made").count();
    // One made it and the others were sent it; a change counted meanwhile (the event log's
    // follower catching up with the post) may make one or two more.
    assert!(made <= 3, "{made} of 16 made");
    for page in &sent {
        assert!(page.html.contains("Standup moved to 10"));
        assert!(page.html.contains(&format!("nonce=\"{}\"", page.nonce)));
    }
}
