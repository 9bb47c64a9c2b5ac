use super::api::{group_members, RemoveMember, SetMemberRole};
use super::group_page::group_id_param;
use super::model::{href, members_label, Member, MembersView, Role, Standing};
use crate::error::AppError;
use crate::ui::{submitted_error, Avatar, FormError, RequireSignIn};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

/// `/groups/{id}/members`: who is in the group, owners first. Its owners and admins change
/// roles and remove members here.
#[component]
pub fn MembersPage() -> impl IntoView {
    view! {
        <RequireSignIn>
            <MembersLoader/>
        </RequireSignIn>
    }
}

#[component]
fn MembersLoader() -> impl IntoView {
    let id = group_id_param();
    let found = OnceResource::new(async move {
        match id {
            Some(id) => group_members(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(members) => view! { <MemberList members/> }.into_any(),
                    Err(AppError::NotFound) => view! { <crate::ui::NotFound/> }.into_any(),
                    Err(error) => view! { <crate::ui::ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MemberList(members: MembersView) -> impl IntoView {
    let MembersView {
        summary,
        standing,
        members,
    } = members;
    let id = summary.id;
    view! {
        <Title text=format!("Members of {}", summary.name)/>
        <section class="card" aria-labelledby="members-title">
            <p class="back"><a href=href(id)>{summary.name.clone()}</a></p>
            <h1 id="members-title">"Members"</h1>
            <p class="role">{members_label(summary.members)}</p>
            <FormError message=submitted_error()/>
            <ul class="people members">
                {members.into_iter().map(|member| view! { <MemberRow id member standing/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn MemberRow(id: i64, member: Member, standing: Standing) -> impl IntoView {
    let Member { person, role } = member;
    let manages = crate::policy::may_manage_group(standing);
    let select_id = format!("role-{}", person.id);
    let may_remove = crate::policy::may_change_member(standing, role, None);
    view! {
        <li>
            <Avatar name=person.name.clone() handle=person.handle.clone() photo=person.photo/>
            <a href=format!("/people/{}", person.handle)>{person.name.clone()}</a>
            <span class="role">{role.label()}</span>
            {manages.then(|| view! {
                <form method="post" action=SetMemberRole::url() class="inline-form">
                    <input type="hidden" name="id" value=id.to_string()/>
                    <input type="hidden" name="person" value=person.id.to_string()/>
                    <label for=select_id.clone() class="visually-hidden">{format!("Role of {}", person.name)}</label>
                    <select id=select_id name="role">
                        {Role::ALL.into_iter().filter(|to| crate::policy::may_change_member(standing, role, Some(*to)) || *to == role).map(|to| view! {
                            <option value=to.key() selected=to == role>{to.label()}</option>
                        }).collect_view()}
                    </select>
                    <button type="submit" class="secondary">"Change role"</button>
                </form>
            })}
            {(manages && may_remove).then(|| view! {
                <form method="post" action=RemoveMember::url() class="inline-form">
                    <input type="hidden" name="id" value=id.to_string()/>
                    <input type="hidden" name="person" value=person.id.to_string()/>
                    <button type="submit" class="secondary danger">"Remove from group"</button>
                </form>
            })}
        </li>
    }
}
