use super::{
    api::{followers, following},
    model::{PeoplePage, PersonLink},
};
use crate::error::AppError;
use crate::ui::url::{before_param, handle_param};
use crate::ui::{Avatar, ErrorPage, NotFound, RequireSignIn};
use leptos::prelude::*;
use leptos_meta::Title;

/// `/people/:handle/followers`: who follows this person, newest first.
#[component]
pub fn FollowersPage() -> impl IntoView {
    view! {
        <RequireSignIn>
            <PeopleList followers=true/>
        </RequireSignIn>
    }
}

/// `/people/:handle/following`: whom this person follows, newest first.
#[component]
pub fn FollowingPage() -> impl IntoView {
    view! {
        <RequireSignIn>
            <PeopleList followers=false/>
        </RequireSignIn>
    }
}

#[component]
fn PeopleList(followers: bool) -> impl IntoView {
    let (handle, before) = (handle_param(), before_param());
    let list = OnceResource::new(async move {
        if followers {
            self::followers(handle, before).await
        } else {
            following(handle, before).await
        }
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(page) => view! { <People page followers/> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFound/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn People(page: PeoplePage, followers: bool) -> impl IntoView {
    let PeoplePage {
        person,
        people,
        next,
    } = page;
    let (title, empty, path) = if followers {
        (
            format!("Followers of {}", person.name),
            format!("Nobody follows {} yet.", person.name),
            "followers",
        )
    } else {
        (
            format!("People {} follows", person.name),
            format!("{} does not follow anyone yet.", person.name),
            "following",
        )
    };
    let more = next.map(|before| format!("/people/{}/{path}?before={before}", person.handle));
    view! { <PeopleCard title empty person people more/> }
}

/// A titled list of people with their avatars, a link back to `person`'s profile, and the
/// link to the next page (`more`), if there is one.
#[component]
pub fn PeopleCard(
    title: String,
    empty: String,
    person: PersonLink,
    people: Vec<PersonLink>,
    more: Option<String>,
) -> impl IntoView {
    let is_empty = people.is_empty();
    view! {
        <Title text=title.clone()/>
        <section class="card people-list" aria-labelledby="people-title">
            <h1 id="people-title">{title}</h1>
            <p><a href=format!("/people/{}", person.handle)>{format!("Back to {}", person.name)}</a></p>
            {is_empty.then(|| view! { <p class="empty">{empty}</p> })}
            <ul class="people">
                {people.into_iter().map(|p| view! {
                    <li>
                        <Avatar name=p.name.clone() handle=p.handle.clone() photo=p.photo/>
                        <a href=format!("/people/{}", p.handle)>{p.name}</a>
                    </li>
                }).collect_view()}
            </ul>
            {more.map(|href| view! { <a class="button secondary load-more" href=href>"More people"</a> })}
        </section>
    }
}
