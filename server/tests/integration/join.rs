use crate::support::*;
use app::auth::model;
use app::error::AppError;

fn join_form<'a>(name: &'a str, email: &'a str, invite: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("email", email),
        ("password", PASSWORD),
        ("invite", invite),
    ]
}

#[tokio::test]
async fn people_with_an_allowed_domain_join_by_themselves() {
    let app = TestApp::spawn().await;
    app.setup().await;
    let bob = app.member("Bob Builder", "Bob@Example.org").await;
    let viewer = bob.session().await.viewer.expect("signed in after joining");
    assert_eq!(viewer.name, "Bob Builder");
    assert!(!viewer.is_admin);

    let twice = app
        .visitor()
        .call("join", &join_form("Bob Again", "bob@example.org", ""))
        .await;
    assert!(
        twice == Err(AppError::Invalid(model::EMAIL_TAKEN)),
        "{twice:?}"
    );
}

#[tokio::test]
async fn other_domains_are_refused_without_an_invite() {
    let app = TestApp::spawn().await;
    app.setup().await;
    let result = app
        .visitor()
        .call("join", &join_form("Eve", "eve@other.com", ""))
        .await;
    assert_eq!(result, Err(AppError::Forbidden(model::DOMAIN_NOT_ALLOWED)));
}

#[tokio::test]
async fn an_invite_link_lets_one_person_in_once() {
    let app = TestApp::spawn().await;
    let admin = app.setup().await;
    let link: String = admin
        .call_as("create_invite", &[])
        .await
        .expect("invite created");
    let token = link
        .split("invite=")
        .nth(1)
        .expect("token in link")
        .to_string();
    assert!(link.starts_with(&app.url), "{link}");

    let carol = app.visitor();
    carol
        .call("join", &join_form("Carol", "carol@other.com", &token))
        .await
        .expect("invite works");
    // A copied link proves nothing about the address: Carol verifies it like everyone else.
    assert!(carol.session().await.viewer.is_none());
    carol
        .verify_with(&app.link_mailed_to("carol@other.com", "/verify").await)
        .await;
    assert!(carol.session().await.viewer.is_some());

    let dave = app
        .visitor()
        .call("join", &join_form("Dave", "dave@other.com", &token))
        .await;
    assert_eq!(dave, Err(AppError::Forbidden(model::INVITE_SPENT)));
}

#[tokio::test]
async fn an_expired_invite_is_refused() {
    let app = TestApp::spawn().await;
    let admin = app.setup().await;
    let link: String = admin
        .call_as("create_invite", &[])
        .await
        .expect("invite created");
    let token = link.split("invite=").nth(1).unwrap();
    // Age every invite past its seven days.
    let db = app::db::connect(&app.db.url, 1).await.unwrap();
    sqlx::query("UPDATE invites SET expires_at = $1")
        .bind(app::db::now_ms() - 1)
        .execute(&db)
        .await
        .unwrap();

    let result = app
        .visitor()
        .call("join", &join_form("Erin", "erin@other.com", token))
        .await;
    assert_eq!(result, Err(AppError::Forbidden(model::INVITE_SPENT)));
}

#[tokio::test]
async fn only_members_make_invites() {
    let app = TestApp::spawn().await;
    app.setup().await;
    let result = app.visitor().call_as::<String>("create_invite", &[]).await;
    assert_eq!(result, Err(AppError::SignInRequired));
}

#[tokio::test]
async fn join_is_validated_and_rate_limited() {
    let app = TestApp::spawn().await;
    app.setup().await;
    let visitor = app.visitor();
    let short = visitor
        .call(
            "join",
            &[
                ("name", "Fay"),
                ("email", "fay@example.org"),
                ("password", "short"),
            ],
        )
        .await;
    assert!(
        short == Err(AppError::Invalid(model::PASSWORD_SHORT)),
        "{short:?}"
    );
    let bad_email = visitor
        .call("join", &join_form("Fay", "fay-at-example", ""))
        .await;
    assert!(
        bad_email == Err(AppError::Invalid(model::EMAIL_INVALID)),
        "{bad_email:?}"
    );

    let mut limited = false;
    for n in 0..30 {
        let email = format!("p{n}@other.com");
        if let Err(AppError::RateLimited) = visitor.call("join", &join_form("P", &email, "")).await
        {
            limited = true;
            break;
        }
    }
    assert!(limited, "joining from one address is rate limited");
}

#[tokio::test]
async fn people_with_the_same_name_joining_at_once_all_get_their_own_handle() {
    let app = TestApp::spawn().await;
    app.setup().await;
    let joins = (0..8).map(|n| {
        let visitor = app.visitor();
        async move {
            let email = format!("ada{n}@example.org");
            let form = [
                ("name", "Ada Lovelace"),
                ("email", email.as_str()),
                ("password", PASSWORD),
            ];
            visitor.call("join", &form).await
        }
    });
    let results = futures::future::join_all(joins).await;
    assert!(results.iter().all(Result::is_ok), "{results:?}");
    let handles: std::collections::HashSet<String> =
        sqlx::query_scalar("SELECT handle FROM users WHERE name = 'Ada Lovelace'")
            .fetch_all(&app.state.db)
            .await
            .unwrap()
            .into_iter()
            .collect();
    assert_eq!(handles.len(), 8, "{handles:?}");
}
