use super::api::{group_for_editing, EditGroup};
use super::group_page::group_id_param;
use super::model::{href, EditableGroup, Visibility};
use super::new_page::GroupFields;
use crate::error::AppError;
use crate::ui::{submitted_error, FormError, RequireSignIn};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/groups/{id}/edit`: a group's owners and admins change its name, description, About and
/// visibility. A plain form; a refused one comes back with what was typed and why.
#[component]
pub fn EditGroupPage() -> impl IntoView {
    view! {
        <Title text="Edit group"/>
        <RequireSignIn>
            <EditGroupLoader/>
        </RequireSignIn>
    }
}

#[component]
fn EditGroupLoader() -> impl IntoView {
    let id = group_id_param();
    let found = OnceResource::new(async move {
        match id {
            Some(id) => group_for_editing(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(group) => view! { <EditGroupForm group/> }.into_any(),
                    Err(AppError::NotFound) => view! { <crate::ui::NotFound/> }.into_any(),
                    Err(error) => view! { <crate::ui::ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EditGroupForm(group: EditableGroup) -> impl IntoView {
    let query = use_query_map().read_untracked();
    // A refused attempt comes back with what was typed; otherwise the group as it is.
    let typed = |name: &str, now: String| query.get(name).unwrap_or(now);
    let name = typed("name", group.name);
    let description = typed("description", group.description);
    let about = typed("about", group.about);
    let chosen = query
        .get("visibility")
        .and_then(|key| Visibility::from_key(&key))
        .unwrap_or(group.visibility);
    view! {
        <section class="card" aria-labelledby="edit-group-title">
            <h1 id="edit-group-title">"Edit group"</h1>
            <form method="post" action=EditGroup::url() class="group-form">
                <input type="hidden" name="id" value=group.id.to_string()/>
                <GroupFields name description about chosen/>
                <p class="hint">"A new visibility applies at once to the group's posts and members. The change is kept in the group's moderation trail."</p>
                <FormError message=submitted_error()/>
                <p class="actions">
                    <button type="submit">"Save group"</button>
                    <a href=href(group.id) class="button secondary">"Cancel"</a>
                </p>
            </form>
        </section>
    }
}
