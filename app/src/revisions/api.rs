//! Server functions for revisions: what an edit starts from, edit, delete, and the history.
use super::model::{EditDone, Editable, History};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// The item's Markdown and revision, for someone who may edit or delete it.
#[server(endpoint = "editable_item", input = GetUrl, output = crate::api::Json)]
pub async fn editable_item(item: String) -> Result<Editable, AppError> {
    server::editable(item).await
}

/// Gives an item (`post-12`, `comment-34`) new text, if it is still at revision `base` (none:
/// whatever it is now). The same idempotency key never makes two revisions. A plain form goes
/// on to the item; one that fails comes back with the draft.
#[server(endpoint = "edit_item", output = crate::api::Json)]
pub async fn edit_item(
    item: String,
    body: String,
    #[server(default)] base: Option<i64>,
    #[server(default)] idempotency_key: Option<String>,
) -> Result<EditDone, AppError> {
    let kept = if body.chars().count() <= 2_000 {
        body.clone()
    } else {
        String::new()
    };
    crate::api::finish(
        server::edit_item(item, body, base, idempotency_key).await,
        &[("draft", &kept)],
    )
}

/// Deletes an item, if it is still at revision `base` (none: whatever it is now). A plain form
/// goes on to the home page (a post) or the post (a comment).
#[server(endpoint = "delete_item", output = crate::api::Json)]
pub async fn delete_item(
    item: String,
    #[server(default)] base: Option<i64>,
) -> Result<(), AppError> {
    crate::api::finish(server::delete_item(item, base).await, &[])
}

/// A page of an item's history, newest revision first, below revision `before`.
#[server(endpoint = "item_history", input = GetUrl, output = crate::api::Json)]
pub async fn item_history(
    item: String,
    #[server(default)] before: Option<i64>,
) -> Result<History, AppError> {
    server::item_history(item, before).await
}

#[cfg(feature = "ssr")]
pub use server::delete_recorded;

#[cfg(feature = "ssr")]
mod server {
    use crate::api::{read_scope, redirect_to, require_viewer, state};
    use crate::auth::{rate_limit, Viewer};
    use crate::conversations::model::{Item, ItemKind};
    use crate::error::AppError;
    use crate::revisions::model::{self, Change, Diff, DiffPart, Revisable, RevisionView};
    use crate::revisions::{items, store};
    use crate::{db::now_ms, events, policy};

    /// The item as it is now, if the viewer may see it and change it.
    async fn changeable(viewer: &Viewer, item: Item) -> Result<Revisable, AppError> {
        let (scope, state) = (read_scope()?, state()?);
        let current = items::current(&state.db, &scope, item)
            .await?
            .filter(|current| !current.deleted)
            .ok_or(AppError::NotFound)?;
        if !policy::can_change(viewer.id, viewer.is_admin, current.author_id) {
            return Err(AppError::forbidden(model::CANNOT_CHANGE));
        }
        Ok(current)
    }

    pub async fn editable(item: String) -> Result<model::Editable, AppError> {
        let viewer = require_viewer()?;
        let item = Item::parse(&item)?;
        let current = changeable(&viewer, item).await?;
        Ok(model::Editable {
            item,
            post_id: current.post_id,
            body_md: current.body_md,
            revision: current.revision,
        })
    }

    /// The original's revision, recorded at an item's first change (before it, the item's own
    /// row is its only version).
    fn original(item: Item, current: &Revisable) -> store::NewRevision<'_> {
        store::NewRevision {
            item,
            number: 1,
            editor_id: current.author_id,
            change: Change::Original,
            by_moderator: false,
            body_md: &current.body_md,
            created_at: current.created_at,
            idempotency_key: None,
        }
    }

    pub async fn edit_item(
        item: String,
        body: String,
        base: Option<i64>,
        idempotency_key: Option<String>,
    ) -> Result<model::EditDone, AppError> {
        let (viewer, state) = (require_viewer()?, state()?);
        let item = Item::parse(&item)?;
        let body = items::parse_body(item, &body)?;
        let key = crate::posts::model::parse_idempotency_key(idempotency_key)?;
        let current = changeable(&viewer, item).await?;
        let by_moderator = viewer.id != current.author_id;
        let done = |revision, body_html: String, edited| model::EditDone {
            item,
            post_id: current.post_id,
            body_html,
            revision,
            edited,
        };
        let rendered = crate::people::mentions::render(&state.db, &body).await?;
        let body_html = rendered.html.clone();
        if body == current.body_md {
            redirect_to(&model::item_href(item, current.post_id));
            return Ok(done(current.revision, body_html, None));
        }
        rate_limit::per_person(&state.limiter, rate_limit::EDITS_PER_PERSON, viewer.id)?;
        let mut tx = crate::db::begin_write(&state.db).await?;
        if let Some(key) = &key {
            if store::made_with_key(&mut tx, viewer.id, key).await? {
                // A retry of an edit that was made: nothing more happens.
                tx.rollback().await?;
                redirect_to(&model::item_href(item, current.post_id));
                return Ok(done(current.revision, body_html, None));
            }
        }
        let seq = events::store::reserve(&mut tx).await?;
        let base = base.unwrap_or(current.revision);
        let text = (body.as_str(), body_html.as_str());
        let Some(number) = items::apply_edit(&mut tx, item, base, text, viewer.id).await? else {
            tx.rollback().await?;
            return Err(AppError::invalid(model::EDIT_CONFLICT));
        };
        if number == 2 {
            store::record(&mut tx, original(item, &current)).await?;
        }
        let revision = store::NewRevision {
            item,
            number,
            editor_id: viewer.id,
            change: Change::Edit,
            by_moderator,
            body_md: &body,
            created_at: now_ms(),
            idempotency_key: key.as_deref(),
        };
        store::record(&mut tx, revision).await?;
        let edited = model::Edited { by_moderator };
        let event = model::ItemEdited {
            item,
            post_id: current.post_id,
            body_html: body_html.clone(),
            edited,
        };
        events::store::write(&mut tx, seq, &event, current.audience, viewer.id).await?;
        for person_id in rendered.newly_mentioned(&current.body_md) {
            let notice = crate::notifications::store::NewNotice {
                person_id,
                kind: crate::notifications::model::NoticeKind::Mention,
                actor_id: viewer.id,
                item: Some(item),
                post_id: Some(current.post_id),
                audience: current.audience,
                group_id: None,
                detail: None,
            };
            crate::notifications::api::tell(&mut tx, notice).await?;
        }
        tx.commit().await?;
        state.events.written();
        redirect_to(&model::item_href(item, current.post_id));
        Ok(done(number, body_html, Some(edited)))
    }

    pub async fn delete_item(item: String, base: Option<i64>) -> Result<(), AppError> {
        let (viewer, state) = (require_viewer()?, state()?);
        let item = Item::parse(&item)?;
        let current = changeable(&viewer, item).await?;
        rate_limit::per_person(&state.limiter, rate_limit::EDITS_PER_PERSON, viewer.id)?;
        let mut tx = crate::db::begin_write(&state.db).await?;
        if !delete_recorded(&mut tx, viewer.id, item, &current, base).await? {
            tx.rollback().await?;
            return Err(AppError::invalid(model::EDIT_CONFLICT));
        }
        tx.commit().await?;
        state.events.written();
        redirect_to(&match item.kind {
            ItemKind::Post => "/".to_string(),
            ItemKind::Comment => format!("/posts/{}#comments", current.post_id),
        });
        Ok(())
    }

    /// Deletes `item` (as it is now: `current`) for `editor_id` inside the caller's
    /// transaction, if it is still at revision `base` (none: whatever it is now): its deletion
    /// becomes a revision, and open pages are told. False when it changed meanwhile; the
    /// caller then rolls back. The caller has asked the policy.
    pub async fn delete_recorded(
        tx: &mut sqlx::AnyConnection,
        editor_id: i64,
        item: Item,
        current: &Revisable,
        base: Option<i64>,
    ) -> Result<bool, sqlx::Error> {
        // The event's number first: the comment count it carries is then the newest.
        let seq = events::store::reserve(tx).await?;
        let base = base.unwrap_or(current.revision);
        let Some(deleted) = items::delete(tx, item, current.post_id, base).await? else {
            return Ok(false);
        };
        if current.revision == 1 {
            store::record(tx, original(item, current)).await?;
        }
        let revision = store::NewRevision {
            item,
            number: current.revision + 1,
            editor_id,
            change: Change::Delete,
            by_moderator: editor_id != current.author_id,
            body_md: "",
            created_at: now_ms(),
            idempotency_key: None,
        };
        store::record(tx, revision).await?;
        let event = model::ItemDeleted {
            item,
            post_id: current.post_id,
            comment_count: deleted.comment_count,
            kept: deleted.kept,
        };
        events::store::write(tx, seq, &event, current.audience, editor_id).await?;
        Ok(true)
    }

    pub async fn item_history(
        item: String,
        before: Option<i64>,
    ) -> Result<model::History, AppError> {
        let (viewer, scope, state) = (require_viewer()?, read_scope()?, state()?);
        let item = Item::parse(&item)?;
        let current = items::current(&state.db, &scope, item).await?;
        // Anyone who may see an item sees its history; once it is deleted, administrators only.
        let post_id = current.as_ref().map(|c| c.post_id);
        let deleted = current.as_ref().is_none_or(|c| c.deleted);
        if deleted && !(viewer.is_admin && store::is_deleted(&state.db, item).await?) {
            return Err(AppError::NotFound);
        }
        let rows = store::page(&state.db, item, before).await?;
        let shown = rows.len().min(model::HISTORY_PAGE);
        let revisions = rows[..shown]
            .iter()
            .enumerate()
            .map(|(i, row)| RevisionView {
                number: row.number,
                change: row.change,
                editor_handle: row.editor_handle.clone(),
                editor_name: row.editor_name.clone(),
                by_moderator: row.by_moderator,
                created_at: row.created_at,
                diff: match (row.change, rows.get(i + 1)) {
                    (Change::Delete, _) => Vec::new(),
                    (Change::Edit, Some(before)) => {
                        model::diff_words(&before.body_md, &row.body_md)
                    }
                    _ => vec![DiffPart {
                        diff: Diff::Same,
                        text: row.body_md.clone(),
                    }],
                },
            })
            .collect();
        let next = (rows.len() > model::HISTORY_PAGE).then(|| rows[shown - 1].number);
        Ok(model::History {
            item,
            post_id: post_id.filter(|_| !deleted || item.kind == ItemKind::Comment),
            deleted,
            revisions,
            next,
        })
    }
}
