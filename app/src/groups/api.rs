//! Server functions for groups. Every one asks the policy, from the viewer's standing with the
//! group, before it reads or changes anything; a group the viewer may not know is not found.
//! The forms are plain HTML forms: without JavaScript, and with it, they post and come back.
use super::model::{
    AudienceChoice, EditableGroup, GroupSummary, GroupView, MembersView, RequestsView,
};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

/// The directory: the groups the viewer is invited to, and those they may know of whose name
/// contains `q` (theirs first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directory {
    pub invitations: Vec<GroupSummary>,
    pub groups: Vec<GroupSummary>,
}

#[server(endpoint = "groups_directory", input = GetUrl, output = crate::api::Json)]
pub async fn groups_directory(#[server(default)] q: String) -> Result<Directory, AppError> {
    server::directory(q).await
}

/// A group's page, with its posts before `before` if the viewer may read them: all of them, or
/// (`filter` "unanswered" or "answered") its questions.
#[server(endpoint = "group", input = GetUrl, output = crate::api::Json)]
pub async fn group(
    id: i64,
    #[server(default)] filter: Option<String>,
    #[server(default)] before: Option<i64>,
) -> Result<GroupView, AppError> {
    server::group(id, filter, before).await
}

#[server(endpoint = "group_members", input = GetUrl, output = crate::api::Json)]
pub async fn group_members(id: i64) -> Result<MembersView, AppError> {
    server::members(id).await
}

#[server(endpoint = "group_requests", input = GetUrl, output = crate::api::Json)]
pub async fn group_requests(id: i64) -> Result<RequestsView, AppError> {
    server::requests(id).await
}

/// Where the viewer can post, with who will see it: everyone, then their groups.
#[server(endpoint = "audience_choices", input = GetUrl, output = crate::api::Json)]
pub async fn audience_choices() -> Result<Vec<AudienceChoice>, AppError> {
    server::audience_choices().await
}

/// Creates a group with the viewer as its owner and goes to its page.
#[server(endpoint = "create_group", output = crate::api::Json)]
pub async fn create_group(
    name: String,
    #[server(default)] description: String,
    #[server(default)] about: String,
    #[server(default)] visibility: String,
) -> Result<i64, AppError> {
    let typed = super::model::GroupFields {
        name,
        description,
        about,
        visibility,
    };
    finish_group_form(server::create(typed.clone()).await, &typed)
}

/// The group's fields as its edit form starts from them, for its owners and admins.
#[server(endpoint = "group_for_editing", input = GetUrl, output = crate::api::Json)]
pub async fn group_for_editing(id: i64) -> Result<EditableGroup, AppError> {
    server::editable(id).await
}

/// Gives a group a new name, description, About or visibility (its owners and admins), and
/// goes to its page. The change is a line of the group's moderation trail.
#[server(endpoint = "edit_group", output = crate::api::Json)]
pub async fn edit_group(
    id: i64,
    name: String,
    #[server(default)] description: String,
    #[server(default)] about: String,
    #[server(default)] visibility: String,
) -> Result<(), AppError> {
    let typed = super::model::GroupFields {
        name,
        description,
        about,
        visibility,
    };
    finish_group_form(server::edit(id, typed.clone()).await, &typed)
}

/// Finishes a group form's server function: a refused form comes back with what was typed
/// (each field up to 1,000 characters, so the address stays short).
#[cfg(feature = "ssr")]
fn finish_group_form<T>(
    result: Result<T, AppError>,
    typed: &super::model::GroupFields,
) -> Result<T, AppError> {
    let kept = |text: &str| -> String {
        if text.chars().count() <= 1_000 {
            text.to_string()
        } else {
            String::new()
        }
    };
    crate::api::finish(
        result,
        &[
            ("name", &kept(&typed.name)),
            ("description", &kept(&typed.description)),
            ("about", &kept(&typed.about)),
            ("visibility", &kept(&typed.visibility)),
        ],
    )
}

/// Joins a public group, or accepts an invitation.
#[server(endpoint = "join_group", output = crate::api::Json)]
pub async fn join_group(id: i64) -> Result<(), AppError> {
    crate::api::finish(server::join(id).await, &[])
}

/// Asks to join a private group.
#[server(endpoint = "ask_to_join", output = crate::api::Json)]
pub async fn ask_to_join(id: i64) -> Result<(), AppError> {
    crate::api::finish(server::ask(id).await, &[])
}

#[server(endpoint = "leave_group", output = crate::api::Json)]
pub async fn leave_group(id: i64) -> Result<(), AppError> {
    crate::api::finish(server::leave(id).await, &[])
}

#[server(endpoint = "decline_invitation", output = crate::api::Json)]
pub async fn decline_invitation(id: i64) -> Result<(), AppError> {
    crate::api::finish(server::decline_invitation(id).await, &[])
}

/// Invites colleagues named by name, handle or email (separated by commas); how many new
/// invitations were sent.
#[server(endpoint = "invite_to_group", output = crate::api::Json)]
pub async fn invite_to_group(id: i64, invitees: String) -> Result<usize, AppError> {
    let kept = invitees.chars().take(1_000).collect::<String>();
    crate::api::finish(server::invite(id, invitees).await, &[("invitees", &kept)])
}

/// Approves (`approve` true) or declines someone's request to join.
#[server(endpoint = "answer_request", output = crate::api::Json)]
pub async fn answer_request(id: i64, person: i64, approve: bool) -> Result<(), AppError> {
    crate::api::finish(server::answer_request(id, person, approve).await, &[])
}

#[server(endpoint = "remove_member", output = crate::api::Json)]
pub async fn remove_member(id: i64, person: i64) -> Result<(), AppError> {
    crate::api::finish(server::remove(id, person).await, &[])
}

#[server(endpoint = "set_member_role", output = crate::api::Json)]
pub async fn set_member_role(id: i64, person: i64, role: String) -> Result<(), AppError> {
    crate::api::finish(server::set_role(id, person, role).await, &[])
}

#[cfg(feature = "ssr")]
pub use server::{audience_for_post, may_take_part};

#[cfg(feature = "ssr")]
mod server {
    use super::super::model::{self, Role, Standing};
    use super::super::store;
    use super::Directory;
    use crate::api::{read_scope, redirect_to, require_viewer, state};
    use crate::auth::{rate_limit, Viewer};
    use crate::error::AppError;
    use crate::notifications::{model::NoticeKind, store::NewNotice};
    use crate::policy::{self, Audience};
    use crate::state::AppState;
    use sqlx::AnyConnection;

    /// The group `id` as `viewer` may know it: not found when the policy says they may not.
    async fn known(
        state: &AppState,
        id: i64,
        viewer: &Viewer,
    ) -> Result<(model::GroupSummary, String, Standing), AppError> {
        match store::group(&state.db, id, viewer.id).await? {
            Some(found) if policy::may_know_group(found.2) => Ok(found),
            _ => Err(AppError::NotFound),
        }
    }

    pub async fn directory(q: String) -> Result<Directory, AppError> {
        let (viewer, state) = (require_viewer()?, state()?);
        let q: String = q.trim().chars().take(model::MAX_NAME_CHARS).collect();
        Ok(Directory {
            invitations: store::invitations(&state.db, viewer.id).await?,
            groups: store::directory(&state.db, viewer.id, &q, model::DIRECTORY_PAGE).await?,
        })
    }

    pub async fn group(
        id: i64,
        filter: Option<String>,
        before: Option<i64>,
    ) -> Result<model::GroupView, AppError> {
        use crate::questions::model::QuestionFilter;
        let (viewer, scope, state) = (require_viewer()?, read_scope()?, state()?);
        let (summary, about_html, standing) = known(&state, id, &viewer).await?;
        let filter = QuestionFilter::from_query(filter.as_deref());
        let readable = policy::may_read_group_posts(standing);
        let pinned = if readable && filter == QuestionFilter::All && before.is_none() {
            let page = crate::groups::moderation::store::pinned_page(&state.db, &scope, id);
            crate::posts::api::with_conversations(&state.db, &scope, page.await?)
                .await?
                .posts
        } else {
            Vec::new()
        };
        let posts = if readable {
            let db = &state.db;
            let page = match filter {
                QuestionFilter::All => {
                    crate::posts::store::group_page(db, &scope, id, before).await?
                }
                questions => {
                    crate::questions::store::page(db, &scope, (questions, Some(id)), before).await?
                }
            };
            Some(crate::posts::api::with_conversations(db, &scope, page).await?)
        } else {
            None
        };
        let requests = if policy::may_manage_group(standing) {
            store::request_count(&state.db, id).await?
        } else {
            0
        };
        Ok(model::GroupView {
            summary,
            about_html,
            standing,
            filter,
            pinned,
            posts,
            requests,
        })
    }

    pub async fn members(id: i64) -> Result<model::MembersView, AppError> {
        let (viewer, state) = (require_viewer()?, state()?);
        let (summary, _, standing) = known(&state, id, &viewer).await?;
        if !policy::may_read_group_posts(standing) {
            return Err(AppError::forbidden(model::NOT_A_MEMBER));
        }
        Ok(model::MembersView {
            summary,
            standing,
            members: store::members(&state.db, id).await?,
        })
    }

    pub async fn requests(id: i64) -> Result<model::RequestsView, AppError> {
        let (viewer, state) = (require_viewer()?, state()?);
        let (summary, _, standing) = known(&state, id, &viewer).await?;
        if !policy::may_manage_group(standing) {
            return Err(AppError::forbidden(model::NOT_AN_ADMIN));
        }
        Ok(model::RequestsView {
            summary,
            people: store::requests(&state.db, id).await?,
        })
    }

    pub async fn audience_choices() -> Result<Vec<model::AudienceChoice>, AppError> {
        let (viewer, state) = (require_viewer()?, state()?);
        let groups = crate::api::memberships();
        if let Some(kept) = state.audience_choices.get(viewer.id, &groups) {
            return Ok(kept.to_vec());
        }
        let organization = state
            .organization
            .name(&state.db)
            .await?
            .unwrap_or_default();
        let people = crate::auth::store::count(&state.db).await?;
        let mut choices = vec![model::AudienceChoice {
            value: model::EVERYONE.into(),
            label: "Everyone".into(),
            reach: model::organization_reach(&organization, people),
        }];
        choices.extend(
            store::mine(&state.db, viewer.id)
                .await?
                .into_iter()
                .map(|group| model::AudienceChoice {
                    value: group.id.to_string(),
                    reach: model::group_reach(&group.name, group.visibility, group.members),
                    label: group.name,
                }),
        );
        state
            .audience_choices
            .keep(viewer.id, groups, std::sync::Arc::new(choices.clone()));
        Ok(choices)
    }

    /// The audience of a new post from the composer's `audience` ("everyone" or a group's id):
    /// a group only if the policy lets `viewer` post in it. Nothing tells a group that exists
    /// from one that does not.
    pub async fn audience_for_post(
        state: &AppState,
        viewer: &Viewer,
        audience: Option<&str>,
    ) -> Result<Audience, AppError> {
        let refused = || AppError::invalid(model::AUDIENCE_UNKNOWN);
        match audience.map(str::trim) {
            None | Some("") | Some(model::EVERYONE) => Ok(Audience::Organization),
            Some(id) => {
                let id: i64 = id.parse().map_err(|_| refused())?;
                match store::standing(&state.db, id, viewer.id).await? {
                    Some(standing) if policy::may_post_in_group(standing) => {
                        Ok(Audience::Group(id))
                    }
                    _ => Err(refused()),
                }
            }
        }
    }

    /// Whether `viewer` may comment on what is for `audience`: anyone may on what is for
    /// everyone; in a group, its members (a public group's posts are read by all, but only its
    /// members talk there).
    pub async fn may_take_part(
        state: &AppState,
        viewer: &Viewer,
        audience: Audience,
    ) -> Result<(), AppError> {
        let Audience::Group(id) = audience else {
            return Ok(());
        };
        match store::standing(&state.db, id, viewer.id).await? {
            Some(standing) if policy::may_post_in_group(standing) => Ok(()),
            _ => Err(AppError::forbidden(model::NOT_A_MEMBER)),
        }
    }

    pub async fn create(typed: model::GroupFields) -> Result<i64, AppError> {
        let (viewer, state) = (require_viewer()?, state()?);
        let new = typed.parse()?;
        rate_limit::per_person(
            &state.limiter,
            rate_limit::GROUP_CHANGES_PER_PERSON,
            viewer.id,
        )?;
        let about_html = crate::people::mentions::render(&state.db, &new.about_md)
            .await?
            .html;
        let mut tx = crate::db::begin_write(&state.db).await?;
        let id = store::create(&mut tx, &new, &about_html, viewer.id).await?;
        announce(&mut tx, id, viewer.id, true).await?;
        tx.commit().await?;
        state.events.written();
        redirect_to(&model::href(id));
        Ok(id)
    }

    /// The standing of someone who may manage the group `id` they may know, or why not.
    async fn managed(state: &AppState, id: i64, viewer: &Viewer) -> Result<Standing, AppError> {
        let (_, _, standing) = known(state, id, viewer).await?;
        if !policy::may_manage_group(standing) {
            return Err(AppError::forbidden(model::NOT_AN_ADMIN));
        }
        Ok(standing)
    }

    pub async fn editable(id: i64) -> Result<model::EditableGroup, AppError> {
        let (viewer, state) = (require_viewer()?, state()?);
        managed(&state, id, &viewer).await?;
        store::fields(&state.db, id)
            .await?
            .ok_or(AppError::NotFound)
    }

    pub async fn edit(id: i64, fields: model::GroupFields) -> Result<(), AppError> {
        use crate::groups::moderation::{model::Action, store as trail};
        let (viewer, state) = (require_viewer()?, state()?);
        managed(&state, id, &viewer).await?;
        let changed = fields.parse()?;
        rate_limit::per_person(
            &state.limiter,
            rate_limit::GROUP_CHANGES_PER_PERSON,
            viewer.id,
        )?;
        let about_html = crate::people::mentions::render(&state.db, &changed.about_md)
            .await?
            .html;
        let mut tx = crate::db::begin_write(&state.db).await?;
        store::update(&mut tx, id, &changed, &about_html).await?;
        let entry = trail::NewEntry {
            group_id: id,
            actor_id: viewer.id,
            action: Action::Edit,
            post: None,
            excerpt: "",
            reason: "",
        };
        trail::record(&mut tx, entry).await?;
        tx.commit().await?;
        state.audience_choices.forget_all();
        redirect_to(&model::href(id));
        Ok(())
    }

    /// Tells `person`'s open live streams that their groups changed (see `MembershipChanged`),
    /// inside the caller's transaction.
    async fn announce(
        conn: &mut AnyConnection,
        group_id: i64,
        person_id: i64,
        member: bool,
    ) -> Result<(), sqlx::Error> {
        let event = model::MembershipChanged {
            group_id,
            person_id,
            member,
        };
        let to = Audience::Person(person_id);
        crate::events::store::append(conn, &event, to, person_id).await?;
        Ok(())
    }

    /// The viewer, the state and their standing with the group `id` they may know, after
    /// counting one group change against their rate limit.
    async fn changing(id: i64) -> Result<(Viewer, AppState, Standing), AppError> {
        let (viewer, state) = (require_viewer()?, state()?);
        let (_, _, standing) = known(&state, id, &viewer).await?;
        rate_limit::per_person(
            &state.limiter,
            rate_limit::GROUP_CHANGES_PER_PERSON,
            viewer.id,
        )?;
        Ok((viewer, state, standing))
    }

    pub async fn join(id: i64) -> Result<(), AppError> {
        let (viewer, state, standing) = changing(id).await?;
        if standing.role.is_some() {
            return Ok(());
        }
        if !policy::may_join_group(standing) {
            return Err(AppError::forbidden(model::CANNOT_JOIN));
        }
        let mut tx = crate::db::begin_write(&state.db).await?;
        if store::add_member(&mut tx, id, viewer.id, Role::Member).await? {
            announce(&mut tx, id, viewer.id, true).await?;
        }
        tx.commit().await?;
        state.events.written();
        Ok(())
    }

    pub async fn ask(id: i64) -> Result<(), AppError> {
        let (viewer, state, standing) = changing(id).await?;
        if standing.role.is_some() || standing.requested {
            return Ok(());
        }
        if !policy::may_ask_to_join(standing) {
            return Err(AppError::forbidden(model::CANNOT_JOIN));
        }
        let mut tx = crate::db::begin_write(&state.db).await?;
        store::add_request(&mut tx, id, viewer.id).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn leave(id: i64) -> Result<(), AppError> {
        let (viewer, state, standing) = changing(id).await?;
        let Some(role) = standing.role else {
            // Not a member: withdraw a request, if there is one.
            let mut tx = crate::db::begin_write(&state.db).await?;
            store::forget_request(&mut tx, id, viewer.id).await?;
            tx.commit().await?;
            return Ok(());
        };
        let mut tx = crate::db::begin_write(&state.db).await?;
        if !policy::may_stop_owning(role, store::owners(&mut tx, id).await?) {
            return Err(AppError::forbidden(model::LAST_OWNER));
        }
        if store::remove_member(&mut tx, id, viewer.id).await? {
            announce(&mut tx, id, viewer.id, false).await?;
        }
        tx.commit().await?;
        state.events.written();
        // Someone who leaves a secret group may no longer know it: back to the directory.
        redirect_to("/groups");
        Ok(())
    }

    pub async fn decline_invitation(id: i64) -> Result<(), AppError> {
        let (viewer, state, _) = changing(id).await?;
        let mut tx = crate::db::begin_write(&state.db).await?;
        store::forget_invitation(&mut tx, id, viewer.id).await?;
        crate::notifications::store::forget_invitation(&mut tx, viewer.id, id).await?;
        tx.commit().await?;
        redirect_to("/groups");
        Ok(())
    }

    pub async fn invite(id: i64, invitees: String) -> Result<usize, AppError> {
        let (viewer, state, standing) = changing(id).await?;
        if !policy::may_invite_to_group(standing) {
            return Err(AppError::forbidden(model::NOT_A_MEMBER));
        }
        let names = model::parse_invitees(&invitees)?;
        let mut people = Vec::with_capacity(names.len());
        for name in &names {
            match crate::people::store::id_by_name_handle_or_email(&state.db, name).await? {
                Some(person) => people.push(person),
                None => return Err(AppError::invalid(model::INVITEES_UNKNOWN)),
            }
        }
        let mut tx = crate::db::begin_write(&state.db).await?;
        let mut sent = 0;
        for person in people {
            if store::add_invitation(&mut tx, id, person, viewer.id).await? {
                sent += 1;
                let notice = NewNotice {
                    person_id: person,
                    kind: NoticeKind::Invited,
                    actor_id: viewer.id,
                    item: None,
                    post_id: None,
                    audience: Audience::Person(person),
                    group_id: Some(id),
                    detail: None,
                };
                crate::notifications::api::tell(&mut tx, notice).await?;
            }
        }
        tx.commit().await?;
        if sent > 0 {
            state.events.written();
        }
        Ok(sent)
    }

    /// The standing of someone who may manage the group `id`, or why not.
    async fn managing(id: i64) -> Result<(Viewer, AppState, Standing), AppError> {
        let (viewer, state, standing) = changing(id).await?;
        if !policy::may_manage_group(standing) {
            return Err(AppError::forbidden(model::NOT_AN_ADMIN));
        }
        Ok((viewer, state, standing))
    }

    pub async fn answer_request(id: i64, person: i64, approve: bool) -> Result<(), AppError> {
        let (_, state, _) = managing(id).await?;
        let mut tx = crate::db::begin_write(&state.db).await?;
        if store::forget_request(&mut tx, id, person).await?
            && approve
            && store::add_member(&mut tx, id, person, Role::Member).await?
        {
            announce(&mut tx, id, person, true).await?;
        }
        tx.commit().await?;
        state.events.written();
        Ok(())
    }

    pub async fn remove(id: i64, person: i64) -> Result<(), AppError> {
        let (_, state, standing) = managing(id).await?;
        let mut tx = crate::db::begin_write(&state.db).await?;
        let Some(role) = store::role(&mut *tx, id, person).await? else {
            return Ok(());
        };
        if !policy::may_change_member(standing, role, None) {
            return Err(AppError::forbidden(model::NOT_AN_ADMIN));
        }
        if !policy::may_stop_owning(role, store::owners(&mut tx, id).await?) {
            return Err(AppError::forbidden(model::LAST_OWNER));
        }
        if store::remove_member(&mut tx, id, person).await? {
            announce(&mut tx, id, person, false).await?;
        }
        tx.commit().await?;
        state.events.written();
        Ok(())
    }

    pub async fn set_role(id: i64, person: i64, role: String) -> Result<(), AppError> {
        let to = Role::from_key(&role).ok_or(AppError::NotFound)?;
        let (_, state, standing) = managing(id).await?;
        let mut tx = crate::db::begin_write(&state.db).await?;
        let Some(now) = store::role(&mut *tx, id, person).await? else {
            return Ok(());
        };
        if !policy::may_change_member(standing, now, Some(to)) {
            return Err(AppError::forbidden(model::NOT_AN_ADMIN));
        }
        if to != Role::Owner && !policy::may_stop_owning(now, store::owners(&mut tx, id).await?) {
            return Err(AppError::forbidden(model::LAST_OWNER));
        }
        store::set_role(&mut tx, id, person, to).await?;
        tx.commit().await?;
        Ok(())
    }
}
