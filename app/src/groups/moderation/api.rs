//! Server functions for running a group's posts. Each finds the post through the viewer's read
//! scope, then asks the policy whether the viewer runs the post's group.
use super::model::{PostModeration, TrailView};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// What a refused moderation form comes back with, so the page shows why next to that form.
pub const RETURNED: &[(&str, &str)] = &[(RETURNED_PARAM, "1")];
pub const RETURNED_PARAM: &str = "moderation";

/// What the viewer may do with the post as an owner or admin of its group; none when it is not
/// a group's post or they do not run its group.
#[server(endpoint = "moderation_of_post", input = GetUrl, output = crate::api::Json)]
pub async fn moderation_of_post(post_id: i64) -> Result<Option<PostModeration>, AppError> {
    server::post_moderation(post_id).await
}

/// Pins a group's post: it shows first on the group's page.
#[server(endpoint = "pin_post", output = crate::api::Json)]
pub async fn pin_post(post_id: i64) -> Result<(), AppError> {
    crate::api::finish(server::set_pinned(post_id, true).await, RETURNED)
}

#[server(endpoint = "unpin_post", output = crate::api::Json)]
pub async fn unpin_post(post_id: i64) -> Result<(), AppError> {
    crate::api::finish(server::set_pinned(post_id, false).await, RETURNED)
}

/// Removes a group's post for everyone, with a reason kept in the group's moderation trail; a
/// plain form goes on to the group's page.
#[server(endpoint = "remove_group_post", output = crate::api::Json)]
pub async fn remove_group_post(post_id: i64, reason: String) -> Result<(), AppError> {
    let kept: String = reason.chars().take(600).collect();
    crate::api::finish(
        server::remove(post_id, reason).await,
        &[RETURNED[0], ("reason", &kept)],
    )
}

/// The group's moderation trail before `before`, newest first, for its owners and admins.
#[server(endpoint = "group_moderation", input = GetUrl, output = crate::api::Json)]
pub async fn group_moderation(
    id: i64,
    #[server(default)] before: Option<i64>,
) -> Result<TrailView, AppError> {
    server::trail(id, before).await
}

#[cfg(feature = "ssr")]
mod server {
    use super::super::model::{self, Action, PostModeration, TrailView};
    use super::super::store::{self, NewEntry, PinnedPost};
    use crate::api::{read_scope, redirect_to, require_viewer, state};
    use crate::auth::{rate_limit, Viewer};
    use crate::conversations::model::Item;
    use crate::error::AppError;
    use crate::groups::model::{href, NOT_AN_ADMIN};
    use crate::notifications::{model::NoticeKind, store::NewNotice};
    use crate::policy::{self, Audience};
    use crate::revisions::model::Revisable;
    use crate::state::AppState;

    /// A group's post the viewer runs the group of: the viewer, the state, the post as it is
    /// now and its group's id. Not found when the viewer may not see the post.
    async fn moderated(post_id: i64) -> Result<(Viewer, AppState, Revisable, i64), AppError> {
        let (viewer, scope, state) = (require_viewer()?, read_scope()?, state()?);
        let post = crate::revisions::items::current(&state.db, &scope, Item::post(post_id))
            .await?
            .ok_or(AppError::NotFound)?;
        let Audience::Group(group_id) = post.audience else {
            return Err(AppError::forbidden(model::NOT_IN_A_GROUP));
        };
        let standing = crate::groups::store::standing(&state.db, group_id, viewer.id).await?;
        if !standing.is_some_and(policy::may_manage_group) {
            return Err(AppError::forbidden(NOT_AN_ADMIN));
        }
        Ok((viewer, state, post, group_id))
    }

    pub async fn post_moderation(post_id: i64) -> Result<Option<PostModeration>, AppError> {
        let (_, state, _, group_id) = match moderated(post_id).await {
            Ok(found) => found,
            Err(AppError::Forbidden(_)) => return Ok(None),
            Err(error) => return Err(error),
        };
        let group_name = crate::groups::store::name(&state.db, group_id).await?;
        Ok(Some(PostModeration {
            group_id,
            group_name,
            pinned: store::is_pinned(&state.db, post_id).await?,
        }))
    }

    pub async fn set_pinned(post_id: i64, pinned: bool) -> Result<(), AppError> {
        let (viewer, state, post, group_id) = moderated(post_id).await?;
        rate_limit::per_person(
            &state.limiter,
            rate_limit::GROUP_CHANGES_PER_PERSON,
            viewer.id,
        )?;
        let mut tx = crate::db::begin_write(&state.db).await?;
        let changed = if pinned {
            if store::pin_count(&mut tx, group_id).await? >= model::MAX_PINS {
                return Err(AppError::invalid(model::PINS_FULL));
            }
            let pin = PinnedPost {
                post_id,
                author_id: post.author_id,
                group_id,
            };
            store::pin(&mut tx, &pin, viewer.id).await?
        } else {
            store::unpin(&mut tx, post_id).await?
        };
        if changed {
            let entry = NewEntry {
                group_id,
                actor_id: viewer.id,
                action: if pinned { Action::Pin } else { Action::Unpin },
                post: Some((post_id, post.author_id)),
                excerpt: "",
                reason: "",
            };
            store::record(&mut tx, entry).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn remove(post_id: i64, reason: String) -> Result<(), AppError> {
        let (viewer, state, post, group_id) = moderated(post_id).await?;
        let reason = model::parse_reason(&reason)?;
        rate_limit::per_person(&state.limiter, rate_limit::EDITS_PER_PERSON, viewer.id)?;
        let mut tx = crate::db::begin_write(&state.db).await?;
        let item = Item::post(post_id);
        if !crate::revisions::api::delete_recorded(&mut tx, viewer.id, item, &post, None).await? {
            tx.rollback().await?;
            return Err(AppError::NotFound);
        }
        let entry = NewEntry {
            group_id,
            actor_id: viewer.id,
            action: Action::Remove,
            post: Some((post_id, post.author_id)),
            excerpt: &model::excerpt(&post.body_md),
            reason: &reason,
        };
        store::record(&mut tx, entry).await?;
        // Its author is told, with the reason (never of their own removal).
        let notice = NewNotice {
            person_id: post.author_id,
            kind: NoticeKind::Removed,
            actor_id: viewer.id,
            item: None,
            post_id: Some(post_id),
            audience: Audience::Person(post.author_id),
            group_id: Some(group_id),
            detail: Some(reason),
        };
        crate::notifications::api::tell(&mut tx, notice).await?;
        tx.commit().await?;
        state.events.written();
        redirect_to(&href(group_id));
        Ok(())
    }

    pub async fn trail(id: i64, before: Option<i64>) -> Result<TrailView, AppError> {
        let (viewer, state) = (require_viewer()?, state()?);
        let (summary, _, standing) = crate::groups::store::group(&state.db, id, viewer.id)
            .await?
            .filter(|(_, _, standing)| policy::may_know_group(*standing))
            .ok_or(AppError::NotFound)?;
        if !policy::may_manage_group(standing) {
            return Err(AppError::forbidden(NOT_AN_ADMIN));
        }
        let (entries, next) = store::trail(&state.db, id, before).await?;
        Ok(TrailView {
            summary,
            entries,
            next,
        })
    }
}
