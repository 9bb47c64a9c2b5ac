//! Server functions for notifications: the bell's count, the page, "Mark all as read"; and
//! [`tell`], how the other capabilities notify someone.
use super::model::{NoticesPage, Unread};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// How many notifications the viewer has not read, and the event log's head with it.
#[server(endpoint = "unread_notifications", input = GetUrl, output = crate::api::Json)]
pub async fn unread_notifications() -> Result<Unread, AppError> {
    let (viewer, state) = (crate::api::require_viewer()?, crate::api::state()?);
    let (count, live_after) = super::store::unread_and_head(&state.db, viewer.id).await?;
    Ok(Unread { count, live_after })
}

/// A page of the viewer's notifications, newest first, before the cursor `before`.
#[server(endpoint = "notifications", input = GetUrl, output = crate::api::Json)]
pub async fn notifications(
    #[server(default)] before: Option<i64>,
) -> Result<NoticesPage, AppError> {
    let (scope, state) = (crate::api::read_scope()?, crate::api::state()?);
    let (notices, next) = super::store::page(&state.db, &scope, before).await?;
    let unread = super::store::unread(&state.db, scope.viewer_id()).await?;
    Ok(NoticesPage {
        notices,
        next,
        unread,
    })
}

/// Marks every notification of the viewer read.
#[server(endpoint = "mark_all_read", output = crate::api::Json)]
pub async fn mark_all_read() -> Result<(), AppError> {
    crate::api::finish(server::mark_all_read().await, &[])
}

#[cfg(feature = "ssr")]
pub use server::tell;

#[cfg(feature = "ssr")]
mod server {
    use crate::api::{require_viewer, state};
    use crate::error::AppError;
    use crate::notifications::{model::UnreadChanged, store};
    use crate::{events, policy::Audience};
    use sqlx::AnyConnection;

    /// Tells someone of something inside the caller's transaction, and their open pages their
    /// new unread count. Nothing for one's own actions, nor for what the person may not see
    /// (the policy's rule). The caller wakes the live streams after
    /// committing, as for its own events.
    pub async fn tell(conn: &mut AnyConnection, new: store::NewNotice) -> Result<(), sqlx::Error> {
        let standing = match new.audience {
            Audience::Group(group_id) => {
                crate::groups::store::standing(&mut *conn, group_id, new.person_id).await?
            }
            _ => None,
        };
        if !crate::policy::reaches(new.audience, new.person_id, standing)
            || !store::notify(conn, &new).await?
        {
            return Ok(());
        }
        announce(conn, new.person_id).await
    }

    /// The person's unread count, as an event to them alone (written as theirs, so that the
    /// stream of whoever caused it does not carry it).
    async fn announce(conn: &mut AnyConnection, person_id: i64) -> Result<(), sqlx::Error> {
        let count = store::unread(&mut *conn, person_id).await?;
        let event = UnreadChanged { person_id, count };
        events::store::append(conn, &event, Audience::Person(person_id), person_id).await?;
        Ok(())
    }

    pub async fn mark_all_read() -> Result<(), AppError> {
        let (viewer, state) = (require_viewer()?, state()?);
        let mut tx = crate::db::begin_write(&state.db).await?;
        store::mark_all_read(&mut tx, viewer.id).await?;
        announce(&mut tx, viewer.id).await?;
        tx.commit().await?;
        state.events.written();
        Ok(())
    }
}
