use super::api::active_topics;
use super::model::{href, people_label, posts_label, TopicSummary, ACTIVE_DAYS};
use crate::ui::RequireSignIn;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/topics`: the topics people wrote about lately, most posts first.
#[component]
pub fn TopicsPage() -> impl IntoView {
    view! {
        <Title text="Topics"/>
        <RequireSignIn>
            <TopicsIndex/>
        </RequireSignIn>
    }
}

#[component]
fn TopicsIndex() -> impl IntoView {
    let topics = OnceResource::new(active_topics());
    view! {
        <section class="card" aria-labelledby="topics-title">
            <h1 id="topics-title">"Topics"</h1>
            <p class="role">{format!("What people wrote about in the last {ACTIVE_DAYS} days, most posts first. Add a #topic to a post to start one.")}</p>
            <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match topics.await {
                        Ok(topics) if topics.is_empty() => view! {
                            <p class="empty">"No topics yet. Add a #topic to a post, and it will be listed here."</p>
                        }.into_any(),
                        Ok(topics) => view! { <TopicList topics/> }.into_any(),
                        Err(error) => view! { <crate::ui::ErrorPage error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn TopicList(topics: Vec<TopicSummary>) -> impl IntoView {
    view! {
        <ul class="topic-list" aria-label="Active topics">
            {topics.into_iter().map(|topic| view! {
                <li>
                    <a href=href(&topic.name)>{format!("#{}", topic.name)}</a>
                    <span class="role">{format!("{} · {}", posts_label(topic.posts), people_label(topic.writers))}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}
