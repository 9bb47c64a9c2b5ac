use super::api::get_profile;
use super::model::Profile;
use crate::follows::model::PersonLink;
use crate::posts::PostList;
use crate::ui::url::{before_param, handle_param};
use crate::ui::{Avatar, RequireSignIn};
use leptos::prelude::*;
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
    let missing = if profile.own {
        profile.missing()
    } else {
        Vec::new()
    };
    // The edit form starts from the profile as it is.
    let form = profile.editable.then(|| profile.clone());
    let Profile {
        id,
        handle,
        name,
        pronouns,
        title,
        department,
        about,
        location,
        time_zone,
        local_time,
        phone,
        ask_me_about,
        languages,
        links,
        photo,
        chain,
        reports,
        more_reports,
        own,
        follows,
        posts,
        ..
    } = profile;
    let joined = |parts: [&String; 2]| {
        parts
            .into_iter()
            .filter(|s| !s.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let role = joined([&title, &department]);
    let place = joined([&location, &time_zone]);
    let next = posts.next;
    let (posts_label, older_link) = (
        format!("Posts by {name}"),
        next.map(|before| format!("/people/{handle}?before={before}")),
    );
    let empty = posts.posts.is_empty();
    let me = PersonLink {
        id,
        handle: handle.clone(),
        name: name.clone(),
        photo,
    };
    view! {
        <Title text=name.clone()/>
        <section class="card profile" aria-labelledby="profile-name">
            <div class="profile-head">
                <Avatar name=name.clone() handle=handle.clone() photo=photo shown=96/>
                <div>
                    <h1 id="profile-name">{name.clone()}</h1>
                    {(!pronouns.is_empty()).then(|| view! { <p class="pronouns">{pronouns}</p> })}
                    {(!role.is_empty()).then(|| view! { <p class="role">{role}</p> })}
                    {(!place.is_empty()).then(|| view! { <p class="role">{place}</p> })}
                    {local_time.map(|time| view! { <p class="role local-time">{format!("{time} local time")}</p> })}
                    <crate::follows::FollowButton handle=handle.clone() summary=follows can_follow=!own/>
                </div>
            </div>
            {(!missing.is_empty()).then(|| view! {
                <section class="profile-missing" aria-label="Complete your profile">
                    <ul>{missing.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                </section>
            })}
            <dl class="profile-facts">
                {(!ask_me_about.is_empty()).then(|| view! {
                    <dt>"Ask me about"</dt>
                    <dd><ul class="tags">{ask_me_about.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul></dd>
                })}
                {(!languages.is_empty()).then(|| view! {
                    <dt>"Languages"</dt>
                    <dd>{languages.join(", ")}</dd>
                })}
                {(!phone.is_empty()).then(|| view! {
                    <dt>"Phone"</dt>
                    <dd><a href=format!("tel:{}", phone.replace(' ', ""))>{phone.clone()}</a></dd>
                })}
                {(!links.is_empty()).then(|| view! {
                    <dt>"Links"</dt>
                    <dd><ul class="links">{links.into_iter().map(|l| view! {
                        <li><a href=l.clone() rel="noopener noreferrer nofollow ugc">{l.clone()}</a></li>
                    }).collect_view()}</ul></dd>
                })}
            </dl>
            <h2>"About"</h2>
            <p class="about">{if about.is_empty() { "Nothing here yet.".to_string() } else { about }}</p>
            {form.map(|profile| view! { <super::edit_form::EditProfile profile/> })}
        </section>
        <OrgChart chain me reports more_reports/>
        <crate::questions::PersonQuestionsLists person_id=id name=name.clone()/>
        <section aria-label=posts_label class="feed">
            <h2>"Posts"</h2>
            {empty.then(|| view! { <p class="empty">"No posts yet."</p> })}
            <PostList posts=posts.posts viewer_id=crate::ui::viewer_id()/>
            {older_link.map(|href| view! {
                <a class="button secondary load-more" href=href>"Older posts"</a>
            })}
        </section>
    }
}

/// The chain of managers down to the person, and the people who report to them; every name
/// leads to that person's profile, and so to their part of the chart.
#[component]
fn OrgChart(
    chain: Vec<PersonLink>,
    me: PersonLink,
    reports: Vec<PersonLink>,
    /// More people report to them than `reports` holds.
    more_reports: bool,
) -> impl IntoView {
    let link = |p: PersonLink| view! { <a href=format!("/people/{}", p.handle)>{p.name}</a> };
    let no_reports = reports.is_empty();
    let all_reports = more_reports.then(|| format!("/people/{}/reports", me.handle));
    view! {
        <section class="card org-chart" aria-labelledby="org-chart-title">
            <h2 id="org-chart-title">"Org chart"</h2>
            <ol class="chain">
                {chain.into_iter().map(|p| view! { <li>{link(p)}</li> }).collect_view()}
                <li aria-current="true"><strong>{me.name}</strong></li>
            </ol>
            <h3>"Reports"</h3>
            {if no_reports {
                view! { <p class="empty">"Nobody reports to this person."</p> }.into_any()
            } else {
                view! { <ul class="reports">{reports.into_iter().map(|p| view! { <li>{link(p)}</li> }).collect_view()}</ul> }.into_any()
            }}
            {all_reports.map(|href| view! { <p><a href=href>"All reports"</a></p> })}
        </section>
    }
}
