use crate::support::*;
use reqwest::StatusCode;

#[tokio::test]
async fn cross_origin_posts_are_refused() {
    let app = TestApp::spawn().await;
    let ada = app.setup().await;
    for (origin, fetch_site) in [
        (Some("https://evil.example"), None),
        (None, Some("cross-site")),
        (None, None),
    ] {
        let mut request = reqwest::Client::new()
            .post(format!("{}/api/create_post", app.url))
            .header("accept", "application/json")
            .header(
                "cookie",
                format!("commons_session={}", ada.session_cookie().unwrap()),
            )
            .form(&[("body", "forged")]);
        // reqwest::Client::new() sends no Origin of its own.
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        if let Some(site) = fetch_site {
            request = request.header("sec-fetch-site", site);
        }
        let response = request.send().await.unwrap();
        assert_eq!(
            response.status(),
            StatusCode::FORBIDDEN,
            "{origin:?} {fetch_site:?}"
        );
    }
    assert!(
        ada.feed(None).await.unwrap().posts.is_empty(),
        "nothing was posted"
    );
}

#[tokio::test]
async fn responses_carry_the_security_headers() {
    let app = TestApp::spawn().await;
    let response = app
        .visitor()
        .client
        .get(format!("{}/setup", app.url))
        .send()
        .await
        .unwrap();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    };
    let csp = header("content-security-policy");
    assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(header("referrer-policy"), "same-origin");
    assert!(!header("x-request-id").is_empty());

    let nonce = csp_nonce(&csp);
    let html = response.text().await.unwrap();
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "scripts carry this response's nonce"
    );
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let app = TestApp::spawn().await;
    let ada = app.setup().await;
    let huge = "x".repeat(300 * 1024);
    let response = ada
        .client
        .post(format!("{}/api/create_post", app.url))
        .header("accept", "application/json")
        .form(&[("body", huge.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn errors_tell_people_nothing_internal() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Reader").await;
    // Break the posts store the way a failing database would.
    sqlx::query("ALTER TABLE posts RENAME TO posts_gone")
        .execute(&app.state.db)
        .await
        .unwrap();
    let response = ada
        .client
        .get(format!("{}/api/home_feed", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 500);
    let text = response.text().await.unwrap();
    let error: app::error::AppError = serde_json::from_str(&text).expect("our own error");
    assert_eq!(error, app::error::AppError::Internal, "{text}");
    let unknown = ada
        .client
        .post(format!("{}/api/no_such_function", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 400);
}

#[tokio::test]
async fn a_request_that_outlasts_the_time_limit_gets_an_error_not_a_held_connection() {
    // Signing in hashes the password with Argon2 (19 MiB), which cannot finish within 1 ms.
    let app =
        TestApp::spawn_with(|config| config.request_timeout = std::time::Duration::from_millis(1))
            .await;
    let response = app
        .visitor()
        .client
        .post(format!("{}/api/sign_in", app.url))
        .header(reqwest::header::ACCEPT, "application/json")
        .form(&[("email", "ada@example.org"), ("password", PASSWORD)])
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn a_plain_form_never_sends_the_person_to_another_site() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Poster").await;
    // The referring page decides where a plain form returns to; these would leave the site.
    for page in ["//evil.example/x", "/\\evil.example/x"] {
        for body in ["a fine post", ""] {
            let response = ada
                .submit_form(page, "create_post", &[("body", body)])
                .await;
            let location = response
                .headers()
                .get("location")
                .map(|l| l.to_str().unwrap());
            // A path on this site, or this site's own address (what Leptos sends back to the
            // referring page when the server function set no redirect).
            let ours = |l: &str| {
                l.starts_with(&format!("{}/", app.url))
                    || (l.starts_with('/') && !l.starts_with("//") && !l.starts_with("/\\"))
            };
            assert!(
                location.is_none_or(ours),
                "from {page:?} (body {body:?}) to {location:?}"
            );
        }
    }
}

#[tokio::test]
async fn a_malformed_idempotency_key_is_a_bad_request() {
    use app::posts::api::CreatePost;
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Poster").await;
    let call = CreatePost {
        body: "hello".into(),
        audience: None,
        kind: None,
        title: String::new(),
        idempotency_key: Some("<not a key>".into()),
    };
    let error = ada.run(call).await.unwrap_err();
    assert!(
        matches!(error, app::error::AppError::BadRequest(_)),
        "{error:?}"
    );
    assert!(
        ada.feed(None).await.unwrap().posts.is_empty(),
        "nothing was posted"
    );
}

#[tokio::test]
async fn behind_https_browsers_are_told_to_stay_on_it() {
    let app = TestApp::spawn_with(|config| {
        config.public_url = Some("https://commons.example.org".into());
    })
    .await;
    let response = reqwest::get(format!("{}/healthz", app.url)).await.unwrap();
    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=31536000"
    );
    let plain = TestApp::spawn().await;
    let response = reqwest::get(format!("{}/healthz", plain.url))
        .await
        .unwrap();
    assert!(response
        .headers()
        .get("strict-transport-security")
        .is_none());
}
