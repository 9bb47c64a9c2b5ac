use crate::support::*;
use app::error::AppError;

#[tokio::test]
async fn a_wrong_email_or_password_gets_the_same_answer() {
    let app = TestApp::spawn().await;
    app.setup().await;
    let visitor = app.visitor();
    let wrong_password = visitor
        .call(
            "sign_in",
            &[
                ("email", "ada@example.org"),
                ("password", "not the password"),
            ],
        )
        .await;
    let wrong_email = visitor
        .call(
            "sign_in",
            &[("email", "nobody@example.org"), ("password", PASSWORD)],
        )
        .await;
    let expected = Err(AppError::Invalid(
        "That email and password do not match an account.".into(),
    ));
    assert_eq!(wrong_password, expected);
    assert_eq!(wrong_email, expected);
    assert!(visitor.session().await.viewer.is_none());
}

#[tokio::test]
async fn signing_in_issues_a_new_session_id_and_ends_the_old_one() {
    let app = TestApp::spawn().await;
    let admin = app.setup().await;
    let before = admin.session_cookie().expect("signed in after setup");

    admin
        .call(
            "sign_in",
            &[("email", "ada@example.org"), ("password", PASSWORD)],
        )
        .await
        .unwrap();
    let after = admin.session_cookie().expect("signed in");
    assert_ne!(before, after, "the session id changes at sign-in");
    assert!(admin.session().await.viewer.is_some());
    assert!(
        admin.with_cookie(&before).session().await.viewer.is_none(),
        "the old id is dead"
    );
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    let app = TestApp::spawn().await;
    let admin = app.setup().await;
    let token = admin.session_cookie().unwrap();
    let copy = admin.with_cookie(&token);
    assert!(copy.session().await.viewer.is_some());

    admin.call("sign_out", &[]).await.unwrap();
    assert!(admin.session().await.viewer.is_none());
    assert!(
        copy.session().await.viewer.is_none(),
        "a copied cookie no longer works"
    );
    assert_eq!(copy.feed(None).await, Err(AppError::SignInRequired));
}

#[tokio::test]
async fn session_cookie_is_http_only_and_same_site() {
    let app = TestApp::spawn().await;
    app.setup().await;
    let response = app
        .visitor()
        .client
        .post(format!("{}/api/sign_in", app.url))
        .header("accept", "application/json")
        .form(&[("email", "ada@example.org"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let cookie = response
        .headers()
        .get("set-cookie")
        .expect("cookie set")
        .to_str()
        .unwrap()
        .to_string();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
}

#[tokio::test]
async fn sign_in_is_rate_limited_per_email() {
    let app = TestApp::spawn().await;
    app.setup().await;
    let visitor = app.visitor();
    let mut answers = Vec::new();
    for _ in 0..12 {
        answers.push(
            visitor
                .call(
                    "sign_in",
                    &[("email", "ada@example.org"), ("password", "wrong password")],
                )
                .await,
        );
    }
    assert_eq!(
        answers.last(),
        Some(&Err(AppError::RateLimited)),
        "{answers:?}"
    );
    // Even the right password waits out the window.
    let right = visitor
        .call(
            "sign_in",
            &[("email", "ada@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(right, Err(AppError::RateLimited));
}
