//! People: richer profiles, managers and the org chart, and the directory.
use crate::support::*;
use app::error::AppError;
use app::people::{
    api::{GetProfile, SearchPeople, UpdateProfile},
    model::{self, DirectoryPage},
};
use reqwest::StatusCode;

/// An edit of `handle` with `name` and the given fields, everything else empty.
pub(crate) fn edit(handle: &str, name: &str, fields: &[(&str, &str)]) -> UpdateProfile {
    let field = |key: &str| {
        fields
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.to_string())
            .unwrap_or_default()
    };
    UpdateProfile {
        handle: handle.into(),
        name: name.into(),
        title: field("title"),
        department: field("department"),
        about: field("about"),
        pronouns: field("pronouns"),
        location: field("location"),
        time_zone: field("time_zone"),
        phone: field("phone"),
        manager: field("manager"),
        ask_me_about: field("ask_me_about"),
        languages: field("languages"),
        links: field("links"),
    }
}

async fn search(person: &Person, q: &str, department: &str, location: &str) -> DirectoryPage {
    person
        .read(SearchPeople {
            q: q.into(),
            department: department.into(),
            location: location.into(),
            after: None,
        })
        .await
        .expect("search")
}

/// Every name the directory has for `q`, page after page.
async fn every_page(person: &Person, q: &str) -> Vec<String> {
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = person
            .read(SearchPeople {
                q: q.into(),
                department: String::new(),
                location: String::new(),
                after,
            })
            .await
            .unwrap();
        seen.extend(page.people.iter().map(|p| p.name.clone()));
        match page.next {
            Some(next) => after = Some(next),
            None => return seen,
        }
    }
}

fn names(page: &DirectoryPage) -> Vec<&str> {
    page.people.iter().map(|p| p.name.as_str()).collect()
}

#[tokio::test]
async fn the_directory_finds_by_name_handle_title_and_topics_ignoring_case_and_accents() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let zoe = app.person("Zoë Ångström").await;
    let bob = app.person("Bob Builder").await;
    zoe.run(edit(
        &zoe.viewer.handle.clone(),
        "Zoë Ångström",
        &[
            ("title", "Staff Engineer"),
            ("department", "Platform"),
            ("location", "Lyon"),
            ("ask_me_about", "Rust, Accessibility"),
        ],
    ))
    .await
    .unwrap_or_else(|e| panic!("{e:?}"));
    bob.run(edit(
        "bob-builder",
        "Bob Builder",
        &[
            ("title", "Site Engineer"),
            ("department", "Construction"),
            ("location", "Lyon"),
        ],
    ))
    .await
    .unwrap();

    assert_eq!(
        names(&search(&ada, "zoe", "", "").await),
        vec!["Zoë Ångström"]
    );
    assert_eq!(
        names(&search(&ada, "ÅNG", "", "").await),
        vec!["Zoë Ångström"]
    );
    assert_eq!(
        names(&search(&ada, "rus", "", "").await),
        vec!["Zoë Ångström"]
    );
    assert_eq!(
        names(&search(&ada, "engineer", "", "").await),
        vec!["Bob Builder", "Zoë Ångström"]
    );
    assert_eq!(
        names(&search(&ada, "eng", "Platform", "").await),
        vec!["Zoë Ångström"]
    );
    assert_eq!(names(&search(&ada, "", "", "Lyon").await).len(), 2);
    assert_eq!(
        names(&search(&ada, "bob-builder", "", "").await),
        vec!["Bob Builder"]
    );
    assert!(search(&ada, "nobody here", "", "").await.people.is_empty());
    // Every word must match.
    assert!(search(&ada, "zoe builder", "", "").await.people.is_empty());

    let stranger = app.visitor();
    let refused = stranger
        .read(SearchPeople {
            q: "zoe".into(),
            department: String::new(),
            location: String::new(),
            after: None,
        })
        .await;
    assert_eq!(refused, Err(AppError::SignInRequired));
}

#[tokio::test]
async fn the_directory_pages_by_cursor_without_repeats() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    for n in 0..45 {
        app.person(&format!("Person {n:02}")).await;
    }
    let seen = every_page(&ada, "person").await;
    let expected: Vec<String> = (0..45).map(|n| format!("Person {n:02}")).collect();
    assert_eq!(seen, expected);
}

#[tokio::test]
async fn managers_make_an_org_chart_and_loops_are_refused() {
    let app = TestApp::spawn().await;
    let ceo = app.person_after_setup("Cleo Chief").await;
    let vp = app.person("Val Vice").await;
    let dev = app.person("Dee Dev").await;
    vp.run(edit("val-vice", "Val Vice", &[("manager", "cleo-chief")]))
        .await
        .unwrap();
    dev.run(edit(
        "dee-dev",
        "Dee Dev",
        &[("manager", "val.vice@example.org")],
    ))
    .await
    .unwrap();

    let profile = ceo
        .read(GetProfile {
            handle: "val-vice".into(),
            before: None,
        })
        .await
        .unwrap();
    let chain: Vec<&str> = profile.chain.iter().map(|p| p.name.as_str()).collect();
    let reports: Vec<&str> = profile.reports.iter().map(|p| p.name.as_str()).collect();
    assert_eq!((chain, reports), (vec!["Cleo Chief"], vec!["Dee Dev"]));
    let bottom = ceo
        .read(GetProfile {
            handle: "dee-dev".into(),
            before: None,
        })
        .await
        .unwrap();
    let chain: Vec<&str> = bottom.chain.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(chain, vec!["Cleo Chief", "Val Vice"]);

    assert_eq!(
        ceo.run(edit("cleo-chief", "Cleo Chief", &[("manager", "dee-dev")]))
            .await,
        Err(AppError::Invalid(model::MANAGER_LOOP))
    );
    assert_eq!(
        ceo.run(edit(
            "cleo-chief",
            "Cleo Chief",
            &[("manager", "cleo-chief")]
        ))
        .await,
        Err(AppError::Invalid(model::MANAGER_SELF))
    );
    assert_eq!(
        ceo.run(edit(
            "cleo-chief",
            "Cleo Chief",
            &[("manager", "nobody@example.org")]
        ))
        .await,
        Err(AppError::Invalid(model::MANAGER_UNKNOWN))
    );

    let page = ceo.open("/people/val-vice").await;
    let chart = page.region_text("Org chart").expect("an org chart");
    assert!(
        chart.contains("Cleo Chief") && chart.contains("Dee Dev"),
        "{chart}"
    );
    assert_eq!(page.link("Dee Dev").as_deref(), Some("/people/dee-dev"));
}

#[tokio::test]
async fn profile_details_are_checked_shown_and_inert() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let hostile = "<script>alert(1)</script>";
    ada.run(edit(
        "ada-lovelace",
        "Ada Lovelace",
        &[
            ("pronouns", "she/her"),
            ("time_zone", "Europe/Paris"),
            ("location", "Paris"),
            ("phone", "+33 1 23 45 67 89"),
            ("languages", "English, Français"),
            ("links", "https://example.org/ada"),
            ("ask_me_about", &format!("Engines, {hostile}")),
            ("title", hostile),
        ],
    ))
    .await
    .unwrap();
    let profile = ada
        .read(GetProfile {
            handle: "ada-lovelace".into(),
            before: None,
        })
        .await
        .unwrap();
    assert_eq!(profile.ask_me_about, vec!["Engines", hostile]);
    let time = profile.local_time.expect("Paris has a local time");
    assert!(time.len() == 5 && time.as_bytes()[2] == b':', "{time}");

    let page = ada.open("/people/ada-lovelace").await;
    let text = page.region_text("Ada Lovelace").unwrap();
    for shown in [
        "she/her",
        "local time",
        "English, Français",
        "Engines",
        hostile,
    ] {
        assert!(text.contains(shown), "{shown} missing from {text}");
    }
    assert!(page.texts("main script").is_empty(), "markup stays text");
    assert_eq!(
        page.link("https://example.org/ada").as_deref(),
        Some("https://example.org/ada")
    );

    for (field, value, problem) in [
        ("time_zone", "Mars/Olympus", model::TIME_ZONE_UNKNOWN),
        ("links", "javascript:alert(1)", model::LINKS_INVALID),
        ("phone", "call me maybe", model::PHONE_INVALID),
    ] {
        let refused = ada
            .run(edit("ada-lovelace", "Ada Lovelace", &[(field, value)]))
            .await;
        assert_eq!(refused, Err(AppError::Invalid(problem)), "{field}");
    }
}

#[tokio::test]
async fn the_directory_works_as_a_plain_get_form() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    app.person("Zoë Ångström").await;
    let page = ada.open("/people").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.has_field("Search people"));
    assert!(page.has_field("Department") && page.has_field("Location"));
    assert!(page.link("Zoë Ångström").is_some() && page.link("Ada Lovelace").is_some());
    let found = ada.open("/people?q=zoe").await;
    assert!(found.link("Zoë Ångström").is_some());
    assert!(found.link("Ada Lovelace").is_none());
    assert_eq!(found.field("Search people").as_deref(), Some("zoe"));
}

#[tokio::test]
async fn a_common_word_pages_the_same_way() {
    // Past 300 matching words the store walks people by name instead of the term index.
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    for n in 0..310 {
        app.person(&format!("Max {n:03}")).await;
    }
    let seen = every_page(&ada, "max").await;
    let expected: Vec<String> = (0..310).map(|n| format!("Max {n:03}")).collect();
    assert_eq!(seen, expected);
    assert!(search(&ada, "max lovelace", "", "").await.people.is_empty());
}

#[tokio::test]
async fn who_knows_ranks_people_who_list_a_topic_then_those_who_write_about_it() {
    use app::policy::Audience;
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let zoe = app.person("Zoe Lists").await;
    let bob = app.person("Bob Writes").await;
    let carl = app.person("Carl Once").await;
    let dan = app.person("Dan Trusts").await;
    let erin = app.person("Erin Private").await;
    zoe.run(edit(
        "zoe-lists",
        "Zoe Lists",
        &[("ask_me_about", "Rust, Accessibility")],
    ))
    .await
    .unwrap();
    for body in ["Shipping our **Rust** service", "Rusty tools, rusty hands"] {
        app.post_for(&bob, Audience::Organization, body).await;
    }
    app.post_for(&carl, Audience::Organization, "A rust question")
        .await;
    app.post_for(&zoe, Audience::Organization, "Rust again")
        .await;
    app.post_for(&dan, Audience::Organization, "Trust the process")
        .await;
    // What Ada may not read does not count.
    for _ in 0..3 {
        app.post_for(&erin, Audience::Person(bob.id()), "rust rust")
            .await;
    }

    let experts: Vec<(String, String)> = search(&ada, "rust", "", "")
        .await
        .experts
        .into_iter()
        .map(|e| (e.person.name, e.evidence.text()))
        .collect();
    assert_eq!(
        experts,
        vec![
            (
                "Zoe Lists".to_string(),
                "Lists it under Ask me about".to_string()
            ),
            (
                "Bob Writes".to_string(),
                "Wrote about it in 2 posts".to_string()
            ),
            (
                "Carl Once".to_string(),
                "Wrote about it in 1 post".to_string()
            ),
        ]
    );
    assert!(
        search(&ada, "ru", "", "").await.experts.is_empty(),
        "too short"
    );
    let filtered = search(&ada, "rust", "Nowhere", "").await;
    assert!(filtered.people.is_empty() && filtered.experts.is_empty());

    let page = ada.open("/people?q=rust").await;
    let region = page
        .region_text("Who knows about rust")
        .expect("the who-knows region");
    assert!(region.contains("Wrote about it in 2 posts"), "{region}");
}

#[tokio::test]
async fn direct_reports_are_paged_by_name() {
    use app::people::{api::GetReports, import::api::ImportPeople};
    let app = TestApp::spawn().await;
    app.setup().await;
    let admin = app.admin("Ann Admin").await;
    // 55 people report to Ann: more than a page.
    let mut csv = String::from(crate::people_import::HEADER);
    for n in 0..55 {
        csv.push_str(&format!(
            "\nReport {n:02},report{n}@example.org,,,,ann.admin@example.org"
        ));
    }
    let id = crate::people_import::upload(&admin, &csv).await;
    admin.run(ImportPeople { id }).await.expect("imported");

    let profile = admin
        .read(GetProfile {
            handle: admin.viewer.handle.clone(),
            before: None,
        })
        .await
        .expect("profile");
    assert_eq!(profile.reports.len(), 50);
    assert!(profile.more_reports);
    let page = admin
        .open(&format!("/people/{}", admin.viewer.handle))
        .await;
    let all = page.link("All reports").expect("a link to all reports");

    let first = admin
        .read(GetReports {
            handle: admin.viewer.handle.clone(),
            after: None,
        })
        .await
        .expect("reports");
    let second = admin
        .read(GetReports {
            handle: admin.viewer.handle.clone(),
            after: first.next.clone(),
        })
        .await
        .expect("reports");
    let names: Vec<String> = first
        .reports
        .iter()
        .chain(&second.reports)
        .map(|p| p.name.clone())
        .collect();
    let expected: Vec<String> = (0..55).map(|n| format!("Report {n:02}")).collect();
    assert_eq!(names, expected, "every report once, by name");
    assert_eq!(second.next, None);

    // Without JavaScript: the list page and its "More people" link.
    let list = admin.open(&all).await;
    assert_eq!(list.status, StatusCode::OK);
    let more = list.link("More people").expect("a next page");
    let rest = admin.open(&more).await;
    assert!(rest.text().contains("Report 54") && !rest.text().contains("Report 49"));
}

#[tokio::test]
async fn typing_at_offers_people_by_the_start_of_a_handle_or_a_name() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    app.person("Bea Member").await;
    app.person("Bernd Meyer").await;
    let offered = |q: &str| {
        let call = app::people::api::MentionCandidates { q: q.into() };
        let ada = &ada;
        async move {
            let people = ada.read(call).await.expect("candidates");
            people.into_iter().map(|p| p.name).collect::<Vec<_>>()
        }
    };
    assert_eq!(offered("be").await, vec!["Bea Member", "Bernd Meyer"]);
    assert_eq!(
        offered("@BEA-M").await,
        vec!["Bea Member"],
        "a handle, any case"
    );
    assert_eq!(
        offered("mey").await,
        vec!["Bernd Meyer"],
        "a later word of the name"
    );
    assert!(offered("").await.is_empty());
    assert!(offered("b%").await.is_empty(), "no wildcards");
    assert!(
        offered("e").await.is_empty(),
        "the start of a word, not any part"
    );
    let stranger = app.visitor();
    let refused = stranger
        .read(app::people::api::MentionCandidates { q: "be".into() })
        .await;
    assert_eq!(refused, Err(AppError::SignInRequired));
}
