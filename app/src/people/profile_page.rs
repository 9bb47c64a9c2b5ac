use super::api::{get_profile, UpdateProfile};
use super::model::Profile;
use crate::posts::PostList;
use crate::ui::url::{before_param, handle_param};
use crate::ui::{submitted_error, Avatar, FormError, RequireSignIn};
use leptos::{form::ActionForm, prelude::*};
use leptos_meta::Title;

#[component]
pub fn ProfilePage() -> impl IntoView {
    view! {
        <RequireSignIn>
            <ProfileView/>
        </RequireSignIn>
    }
}

#[component]
fn ProfileView() -> impl IntoView {
    let (handle, before) = (handle_param(), before_param());
    let profile = OnceResource::new(get_profile(handle, before));
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match profile.await {
                    Ok(profile) => view! { <ProfileDetails profile/> }.into_any(),
                    Err(crate::error::AppError::NotFound) => view! { <crate::ui::NotFound/> }.into_any(),
                    Err(error) => view! { <crate::ui::ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProfileDetails(profile: Profile) -> impl IntoView {
    let save = ServerAction::<UpdateProfile>::new();
    let Profile {
        handle,
        name,
        title,
        department,
        about,
        location,
        time_zone,
        editable,
        own,
        follows,
        posts,
        ..
    } = profile;
    let place = [location, time_zone]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let role = [title.clone(), department.clone()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let next = posts.next;
    let (posts_label, older_link) = (
        format!("Posts by {name}"),
        next.map(|before| format!("/people/{handle}?before={before}")),
    );
    let empty = posts.posts.is_empty();
    view! {
        <Title text=name.clone()/>
        <section class="card profile" aria-labelledby="profile-name">
            <div class="profile-head">
                <Avatar name=name.clone() handle=handle.clone()/>
                <div>
                    <h1 id="profile-name">{name.clone()}</h1>
                    {(!role.is_empty()).then(|| view! { <p class="role">{role}</p> })}
                    {(!place.is_empty()).then(|| view! { <p class="role">{place}</p> })}
                    <crate::follows::FollowButton handle=handle.clone() summary=follows can_follow=!own/>
                </div>
            </div>
            <h2>"About"</h2>
            <p class="about">{if about.is_empty() { "Nothing here yet.".to_string() } else { about.clone() }}</p>
            {editable.then(|| view! {
                <details class="edit-profile">
                    <summary>"Edit profile"</summary>
                    <ActionForm action=save>
                        <input type="hidden" name="handle" value=handle.clone()/>
                        <crate::ui::TextField label="Name" name="name" value=name.clone() autocomplete="name" required=true/>
                        <crate::ui::TextField label="Title" name="title" value=title.clone() autocomplete="organization-title"/>
                        <crate::ui::TextField label="Department" name="department" value=department.clone()/>
                        <div class="field">
                            <label for="field-about">"About"</label>
                            <textarea id="field-about" name="about" rows="4" maxlength="2000">{crate::ui::raw_text_child(about.clone())}</textarea>
                        </div>
                        <FormError message=submitted_error()/>
                        <button type="submit">"Save profile"</button>
                    </ActionForm>
                </details>
            })}
        </section>
        <section aria-label=posts_label class="feed">
            <h2>"Posts"</h2>
            {empty.then(|| view! { <p class="empty">"No posts yet."</p> })}
            <PostList posts=posts.posts/>
            {older_link.map(|href| view! {
                <a class="button secondary load-more" href=href>"Older posts"</a>
            })}
        </section>
    }
}
