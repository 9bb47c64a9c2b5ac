//! Server functions of the directory import. A file is uploaded through a plain HTTP route
//! (see `server/src/uploads.rs`), which hands it to [`stage`]; the page then shows what it would
//! do, and "Import" applies it, planned again against the people as they are at that moment.
use super::model::ImportPreview;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// What the uploaded file `id` would do (or did), row by row.
#[server(endpoint = "get_people_import", input = GetUrl, output = crate::api::Json)]
pub async fn get_people_import(id: i64) -> Result<ImportPreview, AppError> {
    server::preview(id).await
}

/// Imports the file `id`: every row or none.
#[server(endpoint = "import_people", output = crate::api::Json)]
pub async fn import_people(id: i64) -> Result<(), AppError> {
    crate::api::finish(server::import(id).await, &[])
}

/// Mails an activation link to everyone in the imported file `id` who has not activated their
/// account; how many were sent.
#[server(endpoint = "send_activation_links", output = crate::api::Json)]
pub async fn send_activation_links(id: i64) -> Result<usize, AppError> {
    crate::api::finish(server::send_activation_links(id).await, &[])
}

#[cfg(feature = "ssr")]
pub use server::stage;

#[cfg(feature = "ssr")]
mod server {
    use crate::api::{redirect_to, require_viewer, state};
    use crate::auth::{links, store as accounts, Viewer};
    use crate::db::{begin_write, new_id, now_ms};
    use crate::error::AppError;
    use crate::people::import::{
        csv_file,
        model::{
            import_page, Change, ImportPreview, ADMINS_ONLY, CSV_NOT_TEXT, IMPORT_DONE,
            IMPORT_HAS_ERRORS, ROWS_SHOWN,
        },
        plan::{self, Node, Plan},
        store,
    };
    use crate::people::store::{self as profiles, NewProfile};
    use crate::{people::api::known_time_zone, policy, state::AppState};
    use sqlx::AnyConnection;
    use std::collections::HashMap;

    fn require_admin() -> Result<Viewer, AppError> {
        let viewer = require_viewer()?;
        if policy::can_import_people(Some(&viewer)) {
            Ok(viewer)
        } else {
            Err(AppError::forbidden(ADMINS_ONLY))
        }
    }

    /// Keeps an uploaded file for its preview, once it reads as a CSV file of people; its id.
    pub async fn stage(
        state: &AppState,
        viewer: &Viewer,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<i64, AppError> {
        if !policy::can_import_people(Some(viewer)) {
            return Err(AppError::forbidden(ADMINS_ONLY));
        }
        csv_file::read(bytes)?;
        let text = std::str::from_utf8(bytes).map_err(|_| AppError::invalid(CSV_NOT_TEXT))?;
        let file_name: String = file_name.chars().take(200).collect();
        let id = new_id();
        store::insert(&state.db, id, viewer.id, &file_name, text).await?;
        tracing::info!(import = id, bytes = bytes.len(), "people import uploaded");
        Ok(id)
    }

    /// The file `id`, planned against everyone as they are now.
    async fn planned(
        conn: &mut AnyConnection,
        id: i64,
    ) -> Result<(store::ImportRow, Plan, Vec<plan::Existing>), AppError> {
        let import = store::by_id(conn, id).await?.ok_or(AppError::NotFound)?;
        let file = csv_file::read(import.body.as_bytes())?;
        let people = store::everyone(conn).await?;
        let plan = plan::plan(&file, &people, known_time_zone);
        Ok((import, plan, people))
    }

    /// The people of the file who have not chosen a password yet.
    fn not_activated<'a>(plan: &Plan, people: &'a [plan::Existing]) -> Vec<&'a plan::Existing> {
        let by_email: HashMap<&str, &plan::Existing> =
            people.iter().map(|p| (p.email.as_str(), p)).collect();
        plan.rows
            .iter()
            .filter_map(|row| by_email.get(row.email.as_str()).copied())
            .filter(|person| !person.activated)
            .collect()
    }

    pub async fn preview(id: i64) -> Result<ImportPreview, AppError> {
        require_admin()?;
        let state = state()?;
        let mut conn = state.db.acquire().await?;
        let (import, plan, people) = planned(&mut conn, id).await?;
        let waiting = match import.imported {
            Some(_) => not_activated(&plan, &people).len(),
            None => 0,
        };
        let counts = plan.counts();
        let (errors, rows): (Vec<_>, Vec<_>) = plan
            .rows
            .into_iter()
            .partition(|row| matches!(row.change, Change::Error(_)));
        Ok(ImportPreview {
            id: import.id,
            file_name: import.file_name,
            counts,
            errors,
            rows: rows.into_iter().take(ROWS_SHOWN).collect(),
            imported: import.imported,
            not_activated: waiting,
        })
    }

    pub async fn import(id: i64) -> Result<(), AppError> {
        let viewer = require_admin()?;
        let state = state()?;
        let started = std::time::Instant::now();
        let mut tx = begin_write(&state.db).await?;
        let (import, plan, _) = planned(&mut tx, id).await?;
        if import.imported.is_some() {
            return Err(AppError::invalid(IMPORT_DONE));
        }
        let counts = plan.counts();
        if counts.errors > 0 {
            return Err(AppError::invalid(IMPORT_HAS_ERRORS));
        }
        apply(&mut tx, &plan).await?;
        if !store::mark_imported(&mut tx, id, counts).await? {
            return Err(AppError::invalid(IMPORT_DONE));
        }
        tx.commit().await?;
        tracing::info!(
            import = id,
            by = viewer.id,
            created = counts.created,
            updated = counts.updated,
            unchanged = counts.unchanged,
            ms = started.elapsed().as_millis() as u64,
            "people imported"
        );
        redirect_to(&import_page(id));
        Ok(())
    }

    /// Makes the plan's new people (accounts without a password, and their profiles) and
    /// changes the others, then writes everyone's search words again.
    async fn apply(conn: &mut AnyConnection, plan: &Plan) -> Result<(), AppError> {
        let (creates, updates): (Vec<_>, Vec<_>) =
            plan.writes.iter().partition(|w| w.person.is_none());
        let names: Vec<&str> = creates.iter().map(|w| w.name.as_str()).collect();
        let handles = accounts::free_handles(conn, &names).await?;
        let now = now_ms();
        let mut new_ids: HashMap<usize, i64> = HashMap::new();
        let mut new_accounts = Vec::with_capacity(creates.len());
        for (write, handle) in creates.iter().zip(handles) {
            let id = new_id();
            new_ids.insert(write.row, id);
            new_accounts.push(accounts::BulkAccount {
                id,
                handle,
                email: write.email.clone(),
                name: write.name.clone(),
                // No password: the person chooses one through their activation link.
                password_hash: String::new(),
                is_admin: false,
                created_at: now,
                email_verified_at: None,
            });
        }
        for chunk in new_accounts.chunks(500) {
            accounts::insert_many(conn, chunk).await?;
        }
        let id_of = |node: Option<Node>| {
            node.map(|node| match node {
                Node::Person(id) => id,
                Node::Row(row) => new_ids[&row],
            })
        };
        let new_profiles: Vec<NewProfile> = creates
            .iter()
            .map(|w| NewProfile {
                user_id: new_ids[&w.row],
                pronouns: w.details.pronouns.clone(),
                phone: w.details.phone.clone(),
                title: w.details.title.clone(),
                department: w.details.department.clone(),
                location: w.details.location.clone(),
                time_zone: w.details.time_zone.clone(),
                ask_me_about: w.details.ask_me_about.clone(),
                languages: w.details.languages.clone(),
                manager_id: id_of(w.manager),
                ..Default::default()
            })
            .collect();
        for chunk in new_profiles.chunks(200) {
            profiles::insert_many(conn, chunk).await?;
        }
        let mut touched: Vec<i64> = new_ids.values().copied().collect();
        for write in updates {
            let id = write.person.expect("an update names its person");
            accounts::rename(conn, id, &write.name).await?;
            profiles::set_details(conn, id, &write.details, id_of(write.manager)).await?;
            touched.push(id);
        }
        profiles::index_many(conn, &touched).await?;
        Ok(())
    }

    pub async fn send_activation_links(id: i64) -> Result<usize, AppError> {
        require_admin()?;
        let state = state()?;
        let mut tx = begin_write(&state.db).await?;
        let (import, plan, people) = planned(&mut tx, id).await?;
        if import.imported.is_none() {
            return Err(AppError::NotFound);
        }
        let waiting = not_activated(&plan, &people);
        for person in &waiting {
            links::send_activation(&mut tx, person.id, &person.name, &person.email).await?;
        }
        tx.commit().await?;
        redirect_to(&format!("{}&sent={}", import_page(id), waiting.len()));
        Ok(waiting.len())
    }
}
