use crate::support::*;
use app::error::AppError;

#[tokio::test]
async fn a_new_install_asks_for_setup_then_never_again() {
    let app = TestApp::spawn().await;
    let visitor = app.visitor();
    assert_eq!(visitor.session().await.organization, None);

    let admin = app.setup().await;
    let session = admin.session().await;
    assert_eq!(session.organization.as_deref(), Some("Acme"));
    let viewer = session.viewer.expect("the administrator is signed in");
    assert!(viewer.is_admin);
    assert_eq!(viewer.handle, "ada-admin");

    let again = app
        .visitor()
        .call(
            "setup",
            &[
                ("organization", "Evil Corp"),
                ("domains", "evil.example"),
                ("name", "Mallory"),
                ("email", "mallory@evil.example"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert!(matches!(again, Err(AppError::Forbidden(_))), "{again:?}");
    assert_eq!(
        app.visitor().session().await.organization.as_deref(),
        Some("Acme")
    );
}

#[tokio::test]
async fn concurrent_setups_make_exactly_one_organization() {
    let app = TestApp::spawn().await;
    let attempts = (0..6).map(|n| {
        let visitor = app.visitor();
        async move {
            let org = format!("Org {n}");
            let email = format!("admin{n}@example.org");
            visitor
                .call(
                    "setup",
                    &[
                        ("organization", org.as_str()),
                        ("domains", "example.org"),
                        ("name", "Admin"),
                        ("email", email.as_str()),
                        ("password", PASSWORD),
                    ],
                )
                .await
        }
    });
    let results = futures::future::join_all(attempts).await;
    let winners = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(winners, 1, "{results:?}");
    assert!(
        results
            .iter()
            .all(|r| r.is_ok() || matches!(r, Err(AppError::Forbidden(_)))),
        "{results:?}"
    );
}

#[tokio::test]
async fn setup_explains_bad_input() {
    let app = TestApp::spawn().await;
    let result = app
        .visitor()
        .call(
            "setup",
            &[
                ("organization", "Acme"),
                ("domains", "not a domain!"),
                ("name", "Ada"),
                ("email", "ada@example.org"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(
        result,
        Err(AppError::Invalid(app::setup::model::DOMAIN_INVALID))
    );
    assert_eq!(app.visitor().session().await.organization, None);
}

#[tokio::test]
async fn a_setup_made_through_another_process_is_seen_at_once() {
    let app = TestApp::spawn().await;
    // Every page shows the organization's name, which each process keeps in memory.
    let elsewhere = Visitor::new(&app.another_server().await);
    assert_eq!(elsewhere.session().await.organization, None);

    app.setup().await;
    assert_eq!(
        elsewhere.session().await.organization.as_deref(),
        Some("Acme")
    );
    let page = elsewhere.open("/").await;
    assert!(page.has_region("Welcome to Acme"), "{}", page.text());
}
