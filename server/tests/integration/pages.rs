//! Server-rendered pages and plain HTML forms: what a browser without JavaScript gets.
use crate::support::*;
use reqwest::StatusCode;

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

#[tokio::test]
async fn a_new_install_sends_everyone_to_setup() {
    let app = TestApp::spawn().await;
    let response = app
        .visitor()
        .client
        .get(&app.url)
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(location(&response), "/setup");
    let (status, html) = app.visitor().page("/setup").await;
    assert_eq!(status, StatusCode::OK);
    for label in [
        "Organization name",
        "Allowed email domains",
        "Your name",
        "Email",
        "Password",
        "Create organization",
    ] {
        assert!(html.contains(label), "{label} missing");
    }
}

#[tokio::test]
async fn setup_join_post_and_sign_out_work_as_plain_forms() {
    let app = TestApp::spawn().await;
    let ada = app.visitor();
    let response = ada.submit_form("/setup", "setup", &ACME_SETUP).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(location(&response), "/");
    let (_, setup_again) = ada.page("/setup").await;
    assert!(!setup_again.contains("Create organization"));

    let response = ada
        .submit_form(
            "/",
            "create_post",
            &[("body", "Plain _form_ post"), ("idempotency_key", "abc")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(location(&response), "/", "back to the feed, with no error");
    let (status, home) = ada.page("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains("aria-label=\"Home feed\""));
    assert!(
        home.contains("<em>form</em>"),
        "the new post is on the home page"
    );

    let bob = app.visitor();
    let response = bob
        .submit_form(
            "/join",
            "join",
            &[
                ("name", "Bob"),
                ("email", "bob@example.org"),
                ("password", PASSWORD),
                ("invite", ""),
            ],
        )
        .await;
    // Joining sends a link to the address; the page says so.
    assert_eq!(
        location(&response),
        "/join/check-email?email=bob%40example.org"
    );
    let (status, check) = bob.page(&location(&response)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(check.contains("Check your email") && check.contains("bob@example.org"));
    let link = app.link_mailed_to("bob@example.org", "/verify").await;
    bob.verify_with(&link).await;
    let (_, home) = bob.page("/").await;
    assert!(home.contains("Sign out") && home.contains("/people/bob"));
    assert!(home.contains("<em>form</em>"));

    let response = bob.submit_form("/", "sign_out", &[]).await;
    assert_eq!(location(&response), "/");
    let (_, home) = bob.page("/").await;
    assert!(home.contains("Welcome to Acme"));
    assert!(!home.contains("<em>form</em>"));
}

#[tokio::test]
async fn a_failed_plain_form_comes_back_with_the_reason_and_the_input() {
    let app = TestApp::spawn().await;
    app.setup().await;
    let visitor = app.visitor();
    let response = visitor
        .submit_form(
            "/sign-in",
            "sign_in",
            &[("email", "ada@example.org"), ("password", "wrong password")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let back = location(&response);
    assert!(back.starts_with("/sign-in?error="), "{back}");
    let (_, html) = visitor.page(&back).await;
    assert!(html.contains("That email and password do not match an account."));
    assert!(
        html.contains("value=\"ada@example.org\""),
        "the email is kept"
    );
}

#[tokio::test]
async fn profiles_show_details_and_posts_and_their_owner_edits_them() {
    let app = TestApp::spawn().await;
    let ada = app.setup().await;
    let bob = app.member("Bob Builder", "bob@example.org").await;
    bob.post("Bob's first update").await;
    let response = bob
        .submit_form(
            "/people/bob-builder",
            "update_profile",
            &[
                ("handle", "bob-builder"),
                ("name", "Bob Builder"),
                ("title", "Site Engineer"),
                ("department", "Construction"),
                ("about", "I build things."),
            ],
        )
        .await;
    assert_eq!(
        location(&response),
        "/people/bob-builder",
        "back to the profile, with no error"
    );

    let carol = app.member("Carol", "carol@example.org").await;
    let (status, html) = carol.page("/people/bob-builder").await;
    assert_eq!(status, StatusCode::OK);
    for text in [
        "Bob Builder",
        "Site Engineer",
        "Construction",
        "I build things.",
        "Bob&#x27;s first update",
    ] {
        assert!(
            html.contains(text) || html.contains(&text.replace("&#x27;", "'")),
            "{text} missing"
        );
    }
    assert!(!html.contains("Save profile"), "others cannot edit");
    let (_, own) = bob.page("/people/bob-builder").await;
    assert!(own.contains("Save profile"), "the owner can edit");

    let sneaky = ada
        .call(
            "update_profile",
            &[
                ("handle", "bob-builder"),
                ("name", "Hacked"),
                ("title", ""),
                ("department", ""),
                ("about", ""),
            ],
        )
        .await;
    // Ada is the administrator, so she may; a plain member may not.
    assert!(sneaky.is_ok());
    let refused = carol
        .call(
            "update_profile",
            &[
                ("handle", "bob-builder"),
                ("name", "Hacked"),
                ("title", ""),
                ("department", ""),
                ("about", ""),
            ],
        )
        .await;
    assert!(
        matches!(refused, Err(app::error::AppError::Forbidden(_))),
        "{refused:?}"
    );
    let (status, _) = ada.page("/people/nobody-here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn health_and_unknown_pages() {
    let app = TestApp::spawn().await;
    let (status, body) = app.visitor().page("/healthz").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));
    let (status, html) = app.visitor().page("/no/such/page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Page not found"));
}

#[tokio::test]
async fn pages_are_compressed_for_browsers_that_accept_it() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Reader").await;
    ada.post("compress me").await;
    for (accepted, expected) in [
        ("br", Some("br")),
        ("gzip", Some("gzip")),
        ("identity", None),
    ] {
        let response = ada
            .client
            .get(format!("{}/", app.url))
            .header("accept", "text/html")
            .header("accept-encoding", accepted)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let encoding = response
            .headers()
            .get("content-encoding")
            .map(|v| v.to_str().unwrap().to_string());
        assert_eq!(encoding.as_deref(), expected, "for {accepted}");
    }
    // The live stream still opens through the compression layer.
    let mut stream = ada.open_live(None).await.expect("stream opens");
    let post = ada.post("after compression").await;
    assert_eq!(stream.post_ids(1).await, vec![post.id]);
}
