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
    let expected = Err(AppError::Invalid(app::auth::model::WRONG_PASSWORD));
    assert_eq!(wrong_password, expected);
    assert_eq!(wrong_email, expected);
    assert!(visitor.session().await.viewer.is_none());
}

#[tokio::test]
async fn signing_in_issues_a_new_session_id_and_ends_the_old_one() {
    // With sessions kept, as by default: an ended one is not served from memory.
    let app = TestApp::spawn_keeping().await;
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
    // With sessions kept, as by default: an ended one is not served from memory.
    let app = TestApp::spawn_keeping().await;
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
async fn signing_out_everywhere_ends_every_session_of_that_person_at_once() {
    let app = TestApp::spawn_keeping().await;
    let laptop = app.setup().await;
    let bob = app.person("Bob Baker").await;
    let phone = app.visitor();
    phone
        .call(
            "sign_in",
            &[("email", "ada@example.org"), ("password", PASSWORD)],
        )
        .await
        .unwrap();
    assert!(laptop.session().await.viewer.is_some());
    assert!(phone.session().await.viewer.is_some());

    phone.call("sign_out_everywhere", &[]).await.unwrap();
    assert!(phone.session().await.viewer.is_none());
    assert!(laptop.session().await.viewer.is_none(), "the laptop too");
    assert!(bob.session().await.viewer.is_some(), "nobody else");
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

async fn guess(visitor: &Visitor, password: &str) -> Result<(), AppError> {
    visitor
        .call(
            "sign_in",
            &[("email", "ada@example.org"), ("password", password)],
        )
        .await
}

#[tokio::test]
async fn guessing_a_password_locks_out_the_guesser_not_the_person() {
    let app = TestApp::spawn_with(|config| {
        config.trusted_proxies = app::net::Cidr::parse_list("127.0.0.1").unwrap();
    })
    .await;
    app.setup().await;
    let guesser = Visitor::forwarded_for(&app.url, "198.51.100.7");
    let mut answers = Vec::new();
    for _ in 0..12 {
        answers.push(guess(&guesser, "wrong password").await);
    }
    assert_eq!(
        answers.last(),
        Some(&Err(AppError::RateLimited)),
        "{answers:?}"
    );
    // The guesser's address stays refused, even with the right password...
    assert_eq!(guess(&guesser, PASSWORD).await, Err(AppError::RateLimited));
    // ...while Ada, elsewhere, is only slowed down.
    let ada = Visitor::forwarded_for(&app.url, "203.0.113.5");
    assert_eq!(guess(&ada, PASSWORD).await, Ok(()));
}

#[tokio::test]
async fn forwarded_for_is_ignored_unless_the_proxy_is_trusted() {
    let app = TestApp::spawn().await;
    app.setup().await;
    for attempt in 0..12 {
        // A new made-up address every time changes nothing: the socket's address counts.
        let guesser = Visitor::forwarded_for(&app.url, &format!("198.51.100.{attempt}"));
        let answer = guess(&guesser, "wrong password").await;
        if attempt >= 10 {
            assert_eq!(answer, Err(AppError::RateLimited), "attempt {attempt}");
        }
    }
}

#[tokio::test]
async fn sessions_end_after_a_week_unused_and_stay_while_used() {
    let app = TestApp::spawn().await;
    let ada = app.setup().await;
    let day = 24 * 3600 * 1000;
    let set_last_seen = |days_ago: i64| {
        sqlx::query("UPDATE sessions SET last_seen_at = $1")
            .bind(app::db::now_ms() - days_ago * day)
            .execute(&app.state.db)
    };
    set_last_seen(6).await.unwrap();
    assert!(ada.session().await.viewer.is_some(), "six days is not idle");
    let refreshed: i64 = sqlx::query_scalar("SELECT MAX(last_seen_at) FROM sessions")
        .fetch_one(&app.state.db)
        .await
        .unwrap();
    assert!(
        refreshed > app::db::now_ms() - 60_000,
        "using it marks it used"
    );
    set_last_seen(8).await.unwrap();
    assert!(
        ada.session().await.viewer.is_none(),
        "a week unused ends it"
    );
}

#[tokio::test]
async fn sessions_end_thirty_days_after_sign_in_however_used() {
    let app = TestApp::spawn().await;
    let ada = app.setup().await;
    sqlx::query("UPDATE sessions SET expires_at = $1")
        .bind(app::db::now_ms() - 1)
        .execute(&app.state.db)
        .await
        .unwrap();
    assert!(ada.session().await.viewer.is_none());
}
