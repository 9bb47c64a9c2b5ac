//! Server functions for following.
use super::model::{FollowSummary, FollowedSet, PeoplePage};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// Follows (`follow` true) or stops following the person with `handle`; answers with what the
/// profile now says.
#[server(endpoint = "set_following", output = crate::api::Json)]
pub async fn set_following(handle: String, follow: bool) -> Result<FollowSummary, AppError> {
    crate::api::finish(server::set_following(handle, follow).await, &[])
}

/// Who follows the person with `handle`, newest first.
#[server(endpoint = "followers", input = GetUrl, output = crate::api::Json)]
pub async fn followers(
    handle: String,
    #[server(default)] before: Option<i64>,
) -> Result<PeoplePage, AppError> {
    server::list(handle, super::store::Side::Followers, before).await
}

/// Whom the person with `handle` follows, newest first.
#[server(endpoint = "following", input = GetUrl, output = crate::api::Json)]
pub async fn following(
    handle: String,
    #[server(default)] before: Option<i64>,
) -> Result<PeoplePage, AppError> {
    server::list(handle, super::store::Side::Following, before).await
}

/// Up to 5,000 of the people and 1,000 of the topics the viewer follows (in no set order):
/// what an open "Following" feed lets in as posts arrive live.
#[server(endpoint = "followed", input = GetUrl, output = crate::api::Json)]
pub async fn followed() -> Result<FollowedSet, AppError> {
    let (viewer, state) = (crate::api::require_viewer()?, crate::api::state()?);
    Ok(FollowedSet {
        people: super::store::followed_ids(&state.db, viewer.id, 5_000).await?,
        topics: crate::topics::store::followed(&state.db, viewer.id, 1_000).await?,
    })
}

#[cfg(feature = "ssr")]
mod server {
    use crate::api::{read_scope, require_viewer, state};
    use crate::auth::rate_limit;
    use crate::error::AppError;
    use crate::follows::{
        model::{FollowStarted, FollowSummary, PeoplePage, PersonLink, NOT_YOURSELF},
        store::{self, Side},
    };
    use crate::{events, people, policy::Audience};

    /// The person with `handle`, for someone who may read profiles.
    async fn person(handle: &str) -> Result<PersonLink, AppError> {
        read_scope()?;
        let row = people::store::by_handle(&state()?.db, handle)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(PersonLink {
            id: row.id,
            handle: row.handle,
            name: row.name,
            photo: row.photo_id,
        })
    }

    pub async fn set_following(handle: String, follow: bool) -> Result<FollowSummary, AppError> {
        let (viewer, state) = (require_viewer()?, state()?);
        let person = person(&handle).await?;
        if person.id == viewer.id {
            return Err(AppError::invalid(NOT_YOURSELF));
        }
        rate_limit::per_person(&state.limiter, rate_limit::FOLLOWS_PER_PERSON, viewer.id)?;
        let mut tx = crate::db::begin_write(&state.db).await?;
        let announced = if follow {
            let started = store::follow(&mut tx, viewer.id, person.id).await?;
            if started {
                let event = FollowStarted {
                    follower: PersonLink {
                        id: viewer.id,
                        handle: viewer.handle.clone(),
                        name: viewer.name.clone(),
                        photo: None,
                    },
                    followee_id: person.id,
                };
                events::store::append(&mut tx, &event, Audience::Person(person.id), viewer.id)
                    .await?;
                let notice = crate::notifications::store::NewNotice {
                    person_id: person.id,
                    kind: crate::notifications::model::NoticeKind::Follow,
                    actor_id: viewer.id,
                    item: None,
                    post_id: None,
                    audience: Audience::Person(person.id),
                    group_id: None,
                    detail: None,
                };
                crate::notifications::api::tell(&mut tx, notice).await?;
            }
            started
        } else {
            store::unfollow(&mut tx, viewer.id, person.id).await?;
            false
        };
        tx.commit().await?;
        state.suggestions.forget(viewer.id);
        if announced {
            state.events.written();
        }
        Ok(store::summary(&state.db, viewer.id, person.id).await?)
    }

    pub async fn list(
        handle: String,
        side: Side,
        before: Option<i64>,
    ) -> Result<PeoplePage, AppError> {
        let person = person(&handle).await?;
        let (people, next) = store::page(&state()?.db, person.id, side, before).await?;
        Ok(PeoplePage {
            person,
            people,
            next,
        })
    }
}
