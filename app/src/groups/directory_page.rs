use super::api::{groups_directory, DeclineInvitation, Directory, JoinGroup};
use super::model::{href, members_label, GroupSummary};
use crate::ui::{submitted_error, FormError, RequireSignIn};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/groups`: the invitations waiting for the viewer, then the groups they may know of, theirs
/// first, searchable by name (a plain GET form).
#[component]
pub fn GroupsPage() -> impl IntoView {
    view! {
        <Title text="Groups"/>
        <RequireSignIn>
            <GroupsDirectory/>
        </RequireSignIn>
    }
}

#[component]
fn GroupsDirectory() -> impl IntoView {
    let q = use_query_map()
        .read_untracked()
        .get("q")
        .unwrap_or_default();
    let found = OnceResource::new(groups_directory(q.clone()));
    view! {
        <div class="page-heading">
            <h1>"Groups"</h1>
            <a class="button" href="/groups/new">"New group"</a>
        </div>
        <form class="card directory-search" role="search" method="get" action="/groups">
            <div class="field">
                <label for="groups-q">"Search groups"</label>
                <input id="groups-q" name="q" type="search" value=q.clone() autocomplete="off"/>
            </div>
            <button type="submit" class="secondary">"Search"</button>
        </form>
        <FormError message=submitted_error()/>
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || {
                let q = q.clone();
                Suspend::new(async move {
                    match found.await {
                        Ok(directory) => view! { <DirectoryLists directory q/> }.into_any(),
                        Err(error) => view! { <crate::ui::ErrorPage error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn DirectoryLists(directory: Directory, q: String) -> impl IntoView {
    let Directory {
        invitations,
        groups,
    } = directory;
    let (mine, others): (Vec<_>, Vec<_>) = groups.into_iter().partition(|g| g.joined);
    let nothing = mine.is_empty() && others.is_empty();
    view! {
        {(!invitations.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="invitations-title">
                <h2 id="invitations-title">"Invitations"</h2>
                <ul class="group-list">
                    {invitations.into_iter().map(|group| view! {
                        <li>
                            <GroupLine group=group.clone()/>
                            <InvitationAnswer id=group.id/>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {nothing.then(|| view! {
            <p class="empty">{if q.trim().is_empty() {
                "No groups yet. Start one for your team, a project or an interest with “New group”.".to_string()
            } else {
                format!("No groups have “{}” in their name.", q.trim())
            }}</p>
        })}
        {(!mine.is_empty()).then(|| view! { <GroupSection title="My groups" id="my-groups" groups=mine/> })}
        {(!others.is_empty()).then(|| view! { <GroupSection title="Other groups" id="other-groups" groups=others/> })}
    }
}

#[component]
fn GroupSection(title: &'static str, id: &'static str, groups: Vec<GroupSummary>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby=id>
            <h2 id=id>{title}</h2>
            <ul class="group-list">
                {groups.into_iter().map(|group| view! { <li><GroupLine group/></li> }).collect_view()}
            </ul>
        </section>
    }
}

/// A group's name (a link to its page), what it is for, and who sees it.
#[component]
pub fn GroupLine(group: GroupSummary) -> impl IntoView {
    view! {
        <div class="group-line">
            <span class="group-cover" style=cover_style(group.id) aria-hidden="true"></span>
            <div>
                <a href=href(group.id) class="group-name">{group.name}</a>
                {(!group.description.is_empty()).then(|| view! { <p class="group-description">{group.description}</p> })}
                <p class="role">{format!("{} group · {}", group.visibility.label(), members_label(group.members))}</p>
            </div>
        </div>
    }
}

/// "Accept invitation" and "Decline invitation": plain forms that come back to the page.
#[component]
pub fn InvitationAnswer(id: i64) -> impl IntoView {
    view! {
        <div class="actions">
            <form method="post" action=JoinGroup::url()>
                <input type="hidden" name="id" value=id.to_string()/>
                <button type="submit">"Accept invitation"</button>
            </form>
            <form method="post" action=DeclineInvitation::url()>
                <input type="hidden" name="id" value=id.to_string()/>
                <button type="submit" class="secondary">"Decline invitation"</button>
            </form>
        </div>
    }
}

/// A group's colour (its cover until groups have images): a hue from its id.
pub fn cover_style(id: i64) -> String {
    format!("--group-hue: {}", id.rem_euclid(360))
}
