use super::api::topic;
use super::follow_button::TopicFollowButton;
use super::model::{href, posts_label, writers_label, TopicView};
use crate::error::AppError;
use crate::posts::PostList;
use crate::ui::url::{before_param, route_param};
use crate::ui::{Avatar, RequireSignIn};
use leptos::prelude::*;
use leptos_meta::Title;

/// `/topics/{name}`: a topic's posts, newest first, and who writes about it.
#[component]
pub fn TopicPage() -> impl IntoView {
    view! {
        <RequireSignIn>
            <TopicLoader/>
        </RequireSignIn>
    }
}

#[component]
fn TopicLoader() -> impl IntoView {
    let found = OnceResource::new(topic(route_param("name"), before_param()));
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(topic) => view! { <TopicDetails topic/> }.into_any(),
                    Err(AppError::NotFound) => view! { <crate::ui::NotFound/> }.into_any(),
                    Err(error) => view! { <crate::ui::ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn TopicDetails(topic: TopicView) -> impl IntoView {
    let TopicView {
        name,
        posts,
        writers,
        top_writers,
        follow,
    } = topic;
    let tag = format!("#{name}");
    let older = posts
        .next
        .map(|before| format!("{}?before={before}", href(&name)));
    let empty = posts.posts.is_empty();
    view! {
        <Title text=tag.clone()/>
        <section class="card topic" aria-labelledby="topic-name">
            <h1 id="topic-name">{tag.clone()}</h1>
            <p class="role">{writers_label(writers)}</p>
            <TopicFollowButton name=name.clone() follow/>
            {(!top_writers.is_empty()).then(|| view! {
                <section aria-labelledby="top-writers">
                    <h2 id="top-writers">"Top writers"</h2>
                    <ul class="people">
                        {top_writers.into_iter().map(|writer| view! {
                            <li>
                                <Avatar name=writer.person.name.clone() handle=writer.person.handle.clone() photo=writer.person.photo/>
                                <a href=format!("/people/{}", writer.person.handle)>{writer.person.name}</a>
                                <span class="role">{posts_label(writer.posts)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
        </section>
        <section aria-label=format!("Posts about {tag}") class="feed">
            <h2>"Posts"</h2>
            {empty.then(|| view! {
                <p class="empty">{format!("No posts about {tag} yet. Write one with {tag} in it, and it will show here.")}</p>
            })}
            <PostList posts=posts.posts viewer_id=crate::ui::viewer_id()/>
            {older.map(|href| view! {
                <a class="button secondary load-more" href=href>"Older posts"</a>
            })}
        </section>
    }
}
