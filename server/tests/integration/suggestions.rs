//! "People you may want to know": who is suggested, with which reason, and that following or
//! dismissing someone keeps them away.
use crate::follows::set as set_following;
use crate::people::edit;
use crate::support::*;
use app::error::AppError;
use app::suggestions::{
    api::{DismissSuggestion, Suggestions},
    model::Suggestion,
};
use reqwest::StatusCode;

async fn suggested(person: &Person) -> Vec<(String, String)> {
    let list: Vec<Suggestion> = person.read(Suggestions {}).await.expect("suggestions");
    list.into_iter()
        .map(|s| (s.person.name, s.reason.text()))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(name, reason)| (name.to_string(), reason.to_string()))
        .collect()
}

#[tokio::test]
async fn suggestions_give_their_reason_and_leave_out_people_followed_or_dismissed() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    app.person("Grace Hopper").await;
    let carl = app.person("Carl Report").await;
    let (dan, erin) = (
        app.person("Dan Follow").await,
        app.person("Erin Follow").await,
    );
    app.person("Frank Popular").await;
    let zoe = app.person("Zoë Rustacean").await;
    let hal = app.person("Hal Designer").await;
    let ivy = app.person("Ivy Elsewhere").await;

    ada.run(edit(
        "ada-lovelace",
        "Ada Lovelace",
        &[
            ("department", "Design"),
            ("ask_me_about", "Rust, Gardening"),
            ("manager", "grace-hopper"),
        ],
    ))
    .await
    .unwrap();
    carl.run(edit(
        "carl-report",
        "Carl Report",
        &[("manager", "ada-lovelace")],
    ))
    .await
    .unwrap();
    zoe.run(edit(
        &zoe.viewer.handle.clone(),
        "Zoë Rustacean",
        &[("title", "Engineer"), ("ask_me_about", "rust, Pottery")],
    ))
    .await
    .unwrap();
    hal.run(edit(
        "hal-designer",
        "Hal Designer",
        &[("department", "Design")],
    ))
    .await
    .unwrap();
    for follower in [&dan, &erin] {
        set_following(follower, "frank-popular", true)
            .await
            .unwrap();
    }
    for followed in ["dan-follow", "erin-follow"] {
        set_following(&ada, followed, true).await.unwrap();
    }

    assert_eq!(
        suggested(&ada).await,
        pairs(&[
            ("Grace Hopper", "Your manager"),
            ("Carl Report", "Reports to you"),
            ("Frank Popular", "Followed by 2 people you follow"),
            ("Zoë Rustacean", "Also knows Rust"),
        ]),
        "the strongest reasons first; people followed never"
    );

    // Following someone takes them off; the next reason comes up.
    set_following(&ada, "frank-popular", true).await.unwrap();
    assert_eq!(
        suggested(&ada).await,
        pairs(&[
            ("Grace Hopper", "Your manager"),
            ("Carl Report", "Reports to you"),
            ("Zoë Rustacean", "Also knows Rust"),
            ("Hal Designer", "Works in Design with you"),
        ])
    );

    // The home page shows them, each with a "Dismiss" button, which works without JavaScript.
    let home = ada.open("/").await;
    let region = home
        .region_text("People you may want to know")
        .expect("the suggestions region");
    assert!(region.contains("Carl Report") && region.contains("Reports to you"));
    assert!(home.has_button("Dismiss"));
    let response = ada
        .submit_form("/", "dismiss_suggestion", &[("handle", "carl-report")])
        .await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let names: Vec<String> = suggested(&ada).await.into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        vec!["Grace Hopper", "Zoë Rustacean", "Hal Designer"],
        "a dismissed person stays away"
    );
    assert!(ada
        .open("/people")
        .await
        .has_region("People you may want to know"));

    assert!(
        suggested(&ivy).await.is_empty(),
        "nothing in common with anyone"
    );
    // Dismissals are one person's own; strangers get nothing.
    assert!(suggested(&carl)
        .await
        .iter()
        .any(|(name, reason)| name == "Ada Lovelace" && reason == "Your manager"));
    assert!(matches!(
        ada.run(DismissSuggestion {
            handle: "nobody-here".into()
        })
        .await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        app.visitor().read(Suggestions {}).await,
        Err(AppError::SignInRequired)
    ));
    assert!(
        !app.visitor()
            .open("/")
            .await
            .has_region("People you may want to know"),
        "a stranger sees no names"
    );
}
