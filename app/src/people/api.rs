//! Server functions for profiles and the directory.
// A plain HTML form posts one flat field per input, so `update_profile` takes them one by one
// (the macro does not pass an item-level `allow` on to the function it generates).
#![allow(clippy::too_many_arguments)]
use super::model::{DirectoryPage, Filters, Profile, ReportsPage};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// A person's profile and their posts before `before`.
#[server(endpoint = "get_profile", input = GetUrl, output = crate::api::Json)]
pub async fn get_profile(
    handle: String,
    #[server(default)] before: Option<i64>,
) -> Result<Profile, AppError> {
    server::get_profile(handle, before).await
}

/// The people who report to `handle`, by name, after the cursor `after`.
#[server(endpoint = "get_reports", input = GetUrl, output = crate::api::Json)]
pub async fn get_reports(
    handle: String,
    #[server(default)] after: Option<String>,
) -> Result<ReportsPage, AppError> {
    server::get_reports(handle, after).await
}

/// Saves a profile. Fields left out of a request keep nothing: the form always sends them all.
#[server(endpoint = "update_profile", output = crate::api::Json)]
pub async fn update_profile(
    handle: String,
    name: String,
    title: String,
    department: String,
    about: String,
    #[server(default)] pronouns: String,
    #[server(default)] location: String,
    #[server(default)] time_zone: String,
    #[server(default)] phone: String,
    #[server(default)] manager: String,
    #[server(default)] ask_me_about: String,
    #[server(default)] languages: String,
    #[server(default)] links: String,
) -> Result<(), AppError> {
    let form = super::model::ProfileForm {
        name: &name,
        pronouns: &pronouns,
        title: &title,
        department: &department,
        location: &location,
        time_zone: &time_zone,
        phone: &phone,
        manager: &manager,
        ask_me_about: &ask_me_about,
        languages: &languages,
        links: &links,
        about: &about,
    };
    crate::api::finish(server::update_profile(handle, form).await, &[])
}

/// Takes away a person's photo; their initials show again.
#[server(endpoint = "remove_photo", output = crate::api::Json)]
pub async fn remove_photo(handle: String) -> Result<(), AppError> {
    crate::api::finish(server::remove_photo(handle).await, &[])
}

/// The directory: people whose name, handle, title or topics start with the words of `q`, in
/// `department` and `location` if given, by name, after the cursor `after`.
#[server(endpoint = "search_people", input = GetUrl, output = crate::api::Json)]
pub async fn search_people(
    #[server(default)] q: String,
    #[server(default)] department: String,
    #[server(default)] location: String,
    #[server(default)] after: Option<String>,
) -> Result<DirectoryPage, AppError> {
    server::search_people(q, department, location, after).await
}

/// Up to eight people whose handle, or a word of whose name, starts with `q` (what typing
/// `@q` in a text box offers to mention), by name. Anything else than a handle's letters,
/// digits and dashes finds nobody.
#[server(endpoint = "mention_candidates", input = GetUrl, output = crate::api::Json)]
pub async fn mention_candidates(
    #[server(default)] q: String,
) -> Result<Vec<crate::follows::model::PersonLink>, AppError> {
    crate::api::read_scope()?;
    let q = q.trim().trim_start_matches('@').to_ascii_lowercase();
    let plain = q.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if q.is_empty() || q.len() > 40 || !plain {
        return Ok(Vec::new());
    }
    Ok(super::store::mention_candidates(&crate::api::state()?.db, &q, 8).await?)
}

/// The departments and locations to filter the directory by.
#[server(endpoint = "directory_filters", input = GetUrl, output = crate::api::Json)]
pub async fn directory_filters() -> Result<Filters, AppError> {
    crate::api::read_scope()?;
    Ok(super::store::filters(&crate::api::state()?.db).await?)
}

#[cfg(feature = "ssr")]
pub use server::{known_time_zone, save_photo};

#[cfg(feature = "ssr")]
mod server {
    use crate::api::{read_scope, require_viewer, state};
    use crate::auth::rate_limit;
    use crate::auth::Viewer;
    use crate::error::AppError;
    use crate::media::{self, jobs::RemoveMedia};
    use crate::people::{
        model::{self, DirectoryPage, Profile, ProfileEdit, ProfileForm, ReportsPage},
        store::{self, split_list, DirectoryQuery},
    };
    use crate::policy::{self, Audience};
    use crate::{jobs, state::AppState};

    /// Whether `name` is a time zone the system knows ("Europe/Paris").
    pub fn known_time_zone(name: &str) -> bool {
        jiff::tz::TimeZone::get(name).is_ok()
    }

    /// The time now in `time_zone` ("14:05"), if it names a zone the system knows.
    pub fn local_time(time_zone: &str) -> Option<String> {
        let zone = jiff::tz::TimeZone::get(time_zone).ok()?;
        Some(
            jiff::Timestamp::now()
                .to_zoned(zone)
                .strftime("%H:%M")
                .to_string(),
        )
    }

    pub async fn get_profile(handle: String, before: Option<i64>) -> Result<Profile, AppError> {
        let (viewer, scope, state) = (require_viewer()?, read_scope()?, state()?);
        let row = store::by_handle(&state.db, &handle)
            .await?
            .ok_or(AppError::NotFound)?;
        let posts = crate::posts::store::author_page(&state.db, &scope, row.id, before).await?;
        let posts = crate::posts::api::with_conversations(&state.db, &scope, posts).await?;
        let follows = crate::follows::store::summary(&state.db, viewer.id, row.id).await?;
        let chain = store::chain_of(&mut *state.db.acquire().await?, row.id).await?;
        let (reports, more_reports) = store::reports_of(&state.db, row.id, None).await?;
        Ok(Profile {
            editable: policy::can_edit_profile(Some(&viewer), row.id),
            own: viewer.id == row.id,
            local_time: local_time(&row.time_zone),
            ask_me_about: split_list(&row.ask_me_about),
            languages: split_list(&row.languages),
            links: split_list(&row.links),
            photo: row.photo_id,
            id: row.id,
            handle: row.handle,
            name: row.name,
            pronouns: row.pronouns,
            title: row.title,
            department: row.department,
            about: row.about,
            location: row.location,
            time_zone: row.time_zone,
            phone: row.phone,
            chain,
            reports,
            more_reports: more_reports.is_some(),
            follows,
            posts,
        })
    }

    pub async fn get_reports(
        handle: String,
        after: Option<String>,
    ) -> Result<ReportsPage, AppError> {
        let (_, state) = (read_scope()?, state()?);
        let row = store::by_handle(&state.db, &handle)
            .await?
            .ok_or(AppError::NotFound)?;
        let after = after.as_deref().and_then(model::parse_name_cursor);
        let (reports, next) = store::reports_of(&state.db, row.id, after).await?;
        Ok(ReportsPage {
            person: crate::follows::model::PersonLink {
                id: row.id,
                handle: row.handle,
                name: row.name,
                photo: row.photo_id,
            },
            reports,
            next: next.map(model::name_cursor),
        })
    }

    pub async fn update_profile(handle: String, form: ProfileForm<'_>) -> Result<(), AppError> {
        let (viewer, state) = (require_viewer()?, state()?);
        rate_limit::per_person(
            &state.limiter,
            rate_limit::PROFILE_EDITS_PER_PERSON,
            viewer.id,
        )?;
        let row = store::by_handle(&state.db, &handle)
            .await?
            .ok_or(AppError::NotFound)?;
        if !policy::can_edit_profile(Some(&viewer), row.id) {
            return Err(AppError::forbidden(model::NOT_YOUR_PROFILE));
        }
        let edit = ProfileEdit::parse(form)?;
        if !edit.time_zone.is_empty() && !known_time_zone(&edit.time_zone) {
            return Err(AppError::invalid(model::TIME_ZONE_UNKNOWN));
        }
        let mut tx = crate::db::begin_write(&state.db).await?;
        let manager_id = if edit.manager.is_empty() {
            None
        } else {
            let manager = store::person_by_handle_or_email(&mut tx, &edit.manager)
                .await?
                .ok_or(AppError::invalid(model::MANAGER_UNKNOWN))?;
            if manager.id == row.id {
                return Err(AppError::invalid(model::MANAGER_SELF));
            }
            // The new manager's own chain must not pass through this person.
            let above = store::chain_of(&mut tx, manager.id).await?;
            if above.iter().any(|p| p.id == row.id) {
                return Err(AppError::invalid(model::MANAGER_LOOP));
            }
            Some(manager.id)
        };
        store::update(&mut tx, row.id, &edit, manager_id).await?;
        tx.commit().await?;
        // What they and their manager are suggested follows the profile at once.
        state.suggestions.forget(row.id);
        if let Some(manager_id) = manager_id {
            state.suggestions.forget(manager_id);
        }
        Ok(())
    }

    /// The person whose profile `viewer` wants to change, if they may.
    async fn editable_profile(
        state: &AppState,
        viewer: &Viewer,
        handle: &str,
    ) -> Result<store::ProfileRow, AppError> {
        let row = store::by_handle(&state.db, handle)
            .await?
            .ok_or(AppError::NotFound)?;
        if !policy::can_edit_profile(Some(viewer), row.id) {
            return Err(AppError::forbidden(model::NOT_YOUR_PROFILE));
        }
        Ok(row)
    }

    /// Makes the image in `upload` the photo of `handle`'s profile (the upload route streams it
    /// there). The sizes are stored first and recorded in one transaction with the profile; the
    /// photo it replaces is removed by a job after that commits.
    pub async fn save_photo(
        state: &AppState,
        viewer: &Viewer,
        handle: &str,
        upload: &std::path::Path,
    ) -> Result<(), AppError> {
        rate_limit::per_person(&state.limiter, rate_limit::PHOTOS_PER_PERSON, viewer.id)?;
        let row = editable_profile(state, viewer, handle).await?;
        let audience = Audience::Organization.key();
        let photo = media::api::store_photo(&state.media, row.id, audience, upload).await?;
        let recorded = async {
            let mut tx = crate::db::begin_write(&state.db).await?;
            media::store::insert(&mut tx, &photo.row, photo.bytes).await?;
            if let Some(old) = store::set_photo(&mut tx, row.id, Some(photo.row.id)).await? {
                jobs::enqueue(&mut tx, &RemoveMedia { id: old }, None).await?;
            }
            tx.commit().await
        }
        .await;
        if let Err(error) = recorded {
            media::api::remove_files(&state.media, photo.row.kind, photo.row.id).await;
            return Err(error.into());
        }
        state.suggestions.forget(row.id);
        Ok(())
    }

    pub async fn remove_photo(handle: String) -> Result<(), AppError> {
        let (viewer, state) = (require_viewer()?, state()?);
        rate_limit::per_person(&state.limiter, rate_limit::PHOTOS_PER_PERSON, viewer.id)?;
        let row = editable_profile(&state, &viewer, &handle).await?;
        let mut tx = crate::db::begin_write(&state.db).await?;
        if let Some(old) = store::set_photo(&mut tx, row.id, None).await? {
            jobs::enqueue(&mut tx, &RemoveMedia { id: old }, None).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn search_people(
        q: String,
        department: String,
        location: String,
        after: Option<String>,
    ) -> Result<DirectoryPage, AppError> {
        let (scope, state) = (read_scope()?, state()?);
        let mut words = model::search_words(&q);
        words.truncate(5);
        let after = after.as_deref().and_then(model::parse_name_cursor);
        let query = DirectoryQuery {
            words,
            department: Some(department.trim().to_string()).filter(|d| !d.is_empty()),
            location: Some(location.trim().to_string()).filter(|l| !l.is_empty()),
            after,
        };
        // One word of three letters or more, unfiltered, on the first page: also who knows
        // about it.
        let unfiltered = query.department.is_none() && query.location.is_none();
        let experts = match query.words.as_slice() {
            [word] if unfiltered && query.after.is_none() && word.chars().count() >= 3 => {
                store::who_knows(&state.db, &scope, word).await?
            }
            _ => Vec::new(),
        };
        let (people, next) = store::directory(&state.db, &query).await?;
        Ok(DirectoryPage {
            people,
            next: next.map(model::name_cursor),
            experts,
        })
    }
}
