//! Server-rendered pages and plain HTML forms: what a browser without JavaScript gets.
use crate::support::*;
use reqwest::StatusCode;

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
    let page = app.visitor().open("/setup").await;
    assert_eq!(page.status, StatusCode::OK);
    for label in [
        "Organization name",
        "Allowed email domains",
        "Your name",
        "Email",
        "Password",
    ] {
        assert!(page.has_field(label), "field {label} missing");
    }
    assert!(page.has_button("Create organization"));
}

#[tokio::test]
async fn setup_join_post_and_sign_out_work_as_plain_forms() {
    let app = TestApp::spawn().await;
    let ada = app.visitor();
    let response = ada.submit_form("/setup", "setup", &ACME_SETUP).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(location(&response), "/");
    let setup_again = ada.open("/setup").await;
    assert!(!setup_again.has_button("Create organization"));

    let response = ada
        .submit_form(
            "/",
            "create_post",
            &[("body", "Plain _form_ post"), ("idempotency_key", "abc")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(location(&response), "/", "back to the feed, with no error");
    let home = ada.open("/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.has_region("Home feed"));
    assert_eq!(
        home.inner_html(".post-body"),
        vec!["<p>Plain <em>form</em> post</p>"],
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
    let check = bob.open(&location(&response)).await;
    assert_eq!(check.status, StatusCode::OK);
    let said = check.status_message().expect("a status");
    assert!(said.contains("bob@example.org"), "{said}");
    assert!(check.has_button("Send the link again"));
    let link = app.link_mailed_to("bob@example.org", "/verify").await;
    bob.verify_with(&link).await;
    let home = bob.open("/").await;
    assert!(home.has_button("Sign out"));
    assert_eq!(
        home.link("Your profile: Bob").as_deref(),
        Some("/people/bob")
    );
    assert_eq!(home.texts(".post-body"), vec!["Plain form post"]);

    let response = bob.submit_form("/", "sign_out", &[]).await;
    assert_eq!(location(&response), "/");
    let home = bob.open("/").await;
    assert!(home.has_region("Welcome to Acme"));
    assert!(home.texts(".post-body").is_empty());
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
    assert!(
        back.starts_with("/sign-in?error=sign-in-wrong&"),
        "only the code travels: {back}"
    );
    let page = visitor.open(&back).await;
    assert_eq!(
        page.alert().as_deref(),
        Some("That email and password do not match an account.")
    );
    assert_eq!(page.field("Email").as_deref(), Some("ada@example.org"));
}

#[tokio::test]
async fn a_link_cannot_print_its_own_message_on_a_page() {
    let app = TestApp::spawn().await;
    app.setup().await;
    let visitor = app.visitor();
    for error in [
        "Your+account+is+locked.+Call+555-0100",
        "That email and password do not match an account.",
    ] {
        let page = visitor.open(&format!("/sign-in?error={error}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.alert(), None, "{error} was printed");
    }
    let known = visitor.open("/sign-in?error=rate-limited").await;
    assert_eq!(
        known.alert().as_deref(),
        Some("Too many attempts. Please wait a few minutes and try again.")
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
    let page = carol.open("/people/bob-builder").await;
    assert_eq!(page.status, StatusCode::OK);
    let profile = page.region_text("Bob Builder").expect("the profile");
    for text in ["Site Engineer", "Construction", "I build things."] {
        assert!(profile.contains(text), "{text} missing from {profile}");
    }
    assert_eq!(page.texts(".post-body"), vec!["Bob's first update"]);
    assert!(!page.has_button("Save profile"), "others cannot edit");
    let own = bob.open("/people/bob-builder").await;
    assert!(own.has_button("Save profile"), "the owner can edit");
    assert_eq!(own.field("About").as_deref(), Some("I build things."));

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
    let page = app.visitor().open("/no/such/page").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(page.has_region("Page not found"));
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

#[tokio::test]
async fn a_database_that_cannot_be_reached_is_a_503_page() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Reader").await;
    app.state.db.close().await;
    let page = ada.open("/").await;
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(page.has_region("Commons is unavailable"), "{}", page.text());
    let answer = ada.feed(None).await;
    assert_eq!(answer, Err(app::error::AppError::Unavailable));
}

#[tokio::test]
async fn a_form_too_large_to_accept_is_a_413_page() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Poster").await;
    let huge = "x".repeat(300 * 1024);
    let response = ada
        .submit_form("/", "create_post", &[("body", huge.as_str())])
        .await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let page = crate::html::Page::parse(
        StatusCode::PAYLOAD_TOO_LARGE,
        &response.text().await.unwrap(),
    );
    assert_eq!(page.texts("h1"), vec!["Too large"]);
    assert!(page
        .alert()
        .is_some_and(|a| a.contains("larger than Commons accepts")));
}
