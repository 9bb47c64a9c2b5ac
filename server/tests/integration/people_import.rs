//! The directory import: a CSV file previewed row by row, imported all at once or not at all,
//! idempotent, for administrators only; imported people activate through a mailed link.
use crate::support::*;
use app::error::AppError;
use app::people::api::{GetProfile, UpdateProfile};
use app::people::import::{
    api::{GetPeopleImport, ImportPeople, SendActivationLinks},
    model::{
        Counts, ImportPreview, ADMINS_ONLY, CSV_HEADER, CSV_MISSING, CSV_NOT_TEXT, CSV_TOO_LARGE,
        IMPORT_DONE, IMPORT_HAS_ERRORS,
    },
};
use reqwest::{header, StatusCode};

pub(crate) const HEADER: &str = "name,email,title,department,location,manager_email";
const UPLOAD: &str = "/admin/people/import/upload";

/// Uploads `csv` as a plain form does; the import's id, from the page it is sent on to.
pub(crate) async fn upload(admin: &Visitor, csv: &str) -> i64 {
    let response = admin
        .upload(UPLOAD, "csv", "people.csv", csv.as_bytes(), true)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()[header::LOCATION].to_str().unwrap();
    location
        .strip_prefix("/admin/people/import?id=")
        .unwrap_or_else(|| panic!("sent to {location}"))
        .parse()
        .expect("an id")
}

/// The problem an upload (as a script sends it) is refused with.
async fn refused(visitor: &Visitor, bytes: &[u8]) -> AppError {
    let response = visitor
        .upload(UPLOAD, "csv", "people.csv", bytes, false)
        .await;
    assert!(response.status().is_client_error(), "{}", response.status());
    response.json().await.expect("an error")
}

async fn preview(admin: &Visitor, id: i64) -> ImportPreview {
    admin.read(GetPeopleImport { id }).await.expect("preview")
}

async fn accounts(app: &TestApp) -> i64 {
    app::auth::store::count(&app.state.db).await.expect("count")
}

async fn profile(person: &Visitor, handle: &str) -> app::people::model::Profile {
    person
        .read(GetProfile {
            handle: handle.into(),
            before: None,
        })
        .await
        .expect("profile")
}

#[tokio::test]
async fn the_preview_names_every_bad_row_by_line_and_nothing_is_imported() {
    let app = TestApp::spawn().await;
    app.setup().await;
    let admin = app.admin("Ann Admin").await;
    let csv = format!(
        "{HEADER}\n\
         Bo Berg,bo@example.org,Designer,Design,Paris,ann.admin@example.org\n\
         Cy,not-an-email,,,,\n\
         Di,di@example.org,,,,nobody@example.org\n\
         Ed,ed@example.org,,,,fa@example.org\n\
         Fa,fa@example.org,,,,ed@example.org\n\
         Bo Again,BO@example.org,,,,\n"
    );
    let before = accounts(&app).await;
    let id = upload(&admin, &csv).await;
    let shown = preview(&admin, id).await;
    assert_eq!(
        shown.counts,
        Counts {
            created: 1,
            updated: 0,
            unchanged: 0,
            errors: 5
        }
    );
    let lines: Vec<u64> = shown.errors.iter().map(|row| row.line).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7]);

    let page = admin.open(&format!("/admin/people/import?id={id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let errors = page.texts("[aria-label='Rows with errors'] tbody tr");
    assert_eq!(errors.len(), 5, "{errors:?}");
    assert!(errors[0].starts_with("3") && errors[0].contains("Not a valid email address"));
    assert!(errors[1].contains("Unknown manager"));
    assert!(errors[2].contains("Loop in the management chain"));
    assert!(errors[4].starts_with("7") && errors[4].contains("also on line 2"));
    assert!(
        !page.has_button("Import"),
        "no import while rows have errors"
    );
    assert!(page.has_button("Preview"), "the file can be chosen again");

    assert_eq!(
        admin.run(ImportPeople { id }).await,
        Err(AppError::invalid(IMPORT_HAS_ERRORS))
    );
    assert_eq!(accounts(&app).await, before, "nothing was imported");
}

#[tokio::test]
async fn importing_is_all_or_nothing_and_the_same_file_again_changes_nothing() {
    let app = TestApp::spawn().await;
    app.setup().await;
    let admin = app.admin("Ann Admin").await;
    let bo = app.person("Bo Berg").await;
    let csv = format!(
        "{HEADER},ask_me_about,time_zone\n\
         Cy Chen,cy@example.org,VP Design,Design,Paris,ann.admin@example.org,\"Typography, Research\",Europe/Paris\n\
         Di Dorn,di@example.org,Designer,Design,Paris,cy@example.org,,\n\
         Bo Berg,bo.berg@example.org,Engineer,Platform,Lisbon,cy@example.org,Rust,\n"
    );
    let id = upload(&admin, &csv).await;
    let shown = preview(&admin, id).await;
    assert_eq!(
        (
            shown.counts.created,
            shown.counts.updated,
            shown.counts.errors
        ),
        (2, 1, 0)
    );
    let page = admin.open(&format!("/admin/people/import?id={id}")).await;
    assert!(page.has_button("Import"));
    let rows = page.texts("[aria-label='Rows'] tbody tr");
    assert!(
        rows[0].ends_with("created") && rows[2].contains("updated: title"),
        "{rows:?}"
    );

    let before = accounts(&app).await;
    admin.run(ImportPeople { id }).await.expect("imported");
    assert_eq!(accounts(&app).await, before + 2);
    let di = profile(&bo, "di-dorn").await;
    let chain: Vec<&str> = di.chain.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        chain,
        ["Ann Admin", "Cy Chen"],
        "the org chart runs through the file"
    );
    let cy = profile(&bo, "cy-chen").await;
    assert_eq!(cy.ask_me_about, ["Typography", "Research"]);
    assert!(cy.local_time.is_some(), "Europe/Paris is known");
    assert_eq!(profile(&bo, &bo.viewer.handle).await.title, "Engineer");
    assert_eq!(
        admin.run(ImportPeople { id }).await,
        Err(AppError::invalid(IMPORT_DONE)),
        "one file imports once"
    );

    // The same file again: every row unchanged, and importing it changes nothing.
    let again = upload(&admin, &csv).await;
    let shown = preview(&admin, again).await;
    assert_eq!((shown.counts.unchanged, shown.counts.rows()), (3, 3));
    let page = admin
        .open(&format!("/admin/people/import?id={again}"))
        .await;
    let rows = page.texts("[aria-label='Rows'] tbody tr");
    assert!(
        rows.len() == 3 && rows.iter().all(|r| r.ends_with("unchanged")),
        "{rows:?}"
    );
    admin
        .run(ImportPeople { id: again })
        .await
        .expect("imported");
    assert_eq!(accounts(&app).await, before + 2);
    assert_eq!(
        preview(&admin, again).await.imported.map(|c| c.unchanged),
        Some(3)
    );

    // Between a preview and the import, Bo takes Di as his manager; the file (which puts Di
    // under Bo) now makes a loop, so the import refuses, and none of its rows is written.
    let change = format!(
        "{HEADER}\nDi Dorn,di@example.org,Designer,Design,Paris,bo.berg@example.org\n\
         Ed Eng,ed@example.org,,,,\n"
    );
    let id = upload(&admin, &change).await;
    assert_eq!(preview(&admin, id).await.counts.errors, 0);
    let mut edit = crate::people::edit(
        &bo.viewer.handle,
        "Bo Berg",
        &[("manager", "di@example.org")],
    );
    edit.title = "Engineer".into();
    bo.run::<UpdateProfile>(edit).await.expect("saved");
    assert_eq!(
        admin.run(ImportPeople { id }).await,
        Err(AppError::invalid(IMPORT_HAS_ERRORS))
    );
    assert_eq!(accounts(&app).await, before + 2, "Ed was not created");
    assert_eq!(
        profile(&bo, "di-dorn").await.chain.len(),
        2,
        "Di kept her manager"
    );
}

#[tokio::test]
async fn imported_people_activate_their_account_through_a_mailed_link() {
    let app = TestApp::spawn().await;
    app.setup().await;
    let admin = app.admin("Ann Admin").await;
    let csv = format!("{HEADER}\nCy Chen,cy@example.org,Designer,Design,Paris,\n");
    let id = upload(&admin, &csv).await;
    admin.run(ImportPeople { id }).await.expect("imported");
    let page = admin.open(&format!("/admin/people/import?id={id}")).await;
    assert!(page
        .text()
        .contains("1 person from this file has not activated"));

    // No password yet: signing in fails like a wrong password.
    let cy = app.visitor();
    let signed_in = cy
        .call(
            "sign_in",
            &[("email", "cy@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert!(signed_in.is_err());

    assert_eq!(admin.run(SendActivationLinks { id }).await, Ok(1));
    let link = app.link_mailed_to("cy@example.org", "/activate").await;
    let token = crate::mailbox::query_value(&link, "token").expect("a token");
    let path = link.strip_prefix(&app.url).unwrap();
    let opened = cy.open(path).await;
    assert!(
        opened.has_button("Activate account"),
        "opening the link uses nothing up"
    );
    cy.call(
        "activate_account",
        &[("token", &token), ("password", PASSWORD)],
    )
    .await
    .expect("activated");
    assert_eq!(
        cy.session().await.viewer.map(|v| v.name),
        Some("Cy Chen".into())
    );
    assert!(
        cy.call(
            "activate_account",
            &[("token", &token), ("password", PASSWORD)]
        )
        .await
        .is_err(),
        "the link works once"
    );
    let again = app.visitor();
    again
        .call(
            "sign_in",
            &[("email", "cy@example.org"), ("password", PASSWORD)],
        )
        .await
        .expect("signs in with the chosen password");
    assert_eq!(preview(&admin, id).await.not_activated, 0);
}

#[tokio::test]
async fn only_administrators_import_and_bad_files_are_refused_whole() {
    let app = TestApp::spawn().await;
    app.setup().await;
    let admin = app.admin("Ann Admin").await;
    let bo = app.person("Bo Berg").await;
    let csv = format!("{HEADER}\nCy,cy@example.org,,,,\n");
    assert_eq!(
        refused(&bo, csv.as_bytes()).await,
        AppError::forbidden(ADMINS_ONLY)
    );
    let page = bo.open("/admin/people/import").await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(!page.has_field("CSV file"));
    let id = upload(&admin, &csv).await;
    assert_eq!(
        bo.read(GetPeopleImport { id }).await,
        Err(AppError::forbidden(ADMINS_ONLY))
    );
    assert_eq!(
        bo.run(ImportPeople { id }).await,
        Err(AppError::forbidden(ADMINS_ONLY))
    );

    assert_eq!(refused(&admin, b"").await, AppError::invalid(CSV_MISSING));
    assert_eq!(
        refused(&admin, b"name,email\xff\xfe\n").await,
        AppError::invalid(CSV_NOT_TEXT)
    );
    assert_eq!(
        refused(&admin, b"email,name\nx@example.org,X\n").await,
        AppError::invalid(CSV_HEADER)
    );
    let large = format!("{HEADER}\n{}", "Cy,cy@example.org,,,,\n".repeat(300_000));
    assert_eq!(
        refused(&admin, large.as_bytes()).await,
        AppError::invalid(CSV_TOO_LARGE)
    );
    // A plain form comes back to the page with the reason.
    let response = admin
        .upload(UPLOAD, "csv", "people.csv", b"email,name\n", true)
        .await;
    let location = response.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(location, "/admin/people/import?error=csv-header");
    let page = admin.open(&location).await;
    assert!(page
        .alert()
        .is_some_and(|a| a.contains("The first line must name the columns")));
    assert!(page.has_field("CSV file"));
}

#[tokio::test]
async fn markup_in_a_file_is_shown_as_text() {
    let app = TestApp::spawn().await;
    app.setup().await;
    let admin = app.admin("Ann Admin").await;
    let csv = format!(
        "{HEADER}\n\"<script>alert(1)</script>\",cy@example.org,\"<img src=x onerror=alert(2)>\",,,\n"
    );
    let id = upload(&admin, &csv).await;
    let (_, html) = admin.page(&format!("/admin/people/import?id={id}")).await;
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script>alert(1)") && !html.contains("<img src=x"));
    admin.run(ImportPeople { id }).await.expect("imported");
    let (_, html) = admin.page("/people/script-alert-1-script").await;
    assert!(
        html.contains("&lt;img src=x onerror=alert(2)&gt;"),
        "the title is text"
    );
    assert!(!html.contains("<img src=x") && !html.contains("<script>alert(1)"));
}
