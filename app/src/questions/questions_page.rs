use super::api::questions;
use super::model::{QuestionFilter, QuestionsView};
use super::FilterLinks;
use crate::posts::{model::FeedPage, PostList};
use crate::ui::RequireSignIn;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/questions`: every question the viewer may see, newest first: all of them, the unanswered
/// or the answered (`?filter=`), paged by `?before=`.
#[component]
pub fn QuestionsPage() -> impl IntoView {
    view! {
        <Title text="Questions"/>
        <RequireSignIn>
            <QuestionsLoader/>
        </RequireSignIn>
    }
}

#[component]
fn QuestionsLoader() -> impl IntoView {
    let filter = use_query_map().read_untracked().get("filter");
    let found = OnceResource::new(questions(filter, crate::ui::url::before_param()));
    view! {
        <h1>"Questions"</h1>
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(view) => view! { <QuestionList view/> }.into_any(),
                    Err(error) => view! { <crate::ui::ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn QuestionList(view: QuestionsView) -> impl IntoView {
    let QuestionsView { filter, posts } = view;
    let empty = match filter {
        QuestionFilter::All => {
            "No questions yet. Ask one from the home page: choose “Question” above the text."
        }
        QuestionFilter::Unanswered => {
            "No unanswered questions: every question has an accepted answer."
        }
        QuestionFilter::Answered => {
            "No answered questions yet. A question is answered once its asker accepts an answer."
        }
    };
    view! {
        <FilterLinks base="/questions".to_string() current=filter label="Questions shown"/>
        <QuestionPosts base="/questions".to_string() filter page=posts empty/>
    }
}

/// A page of questions in `filter` (not live: a list to work through), what it shows when
/// there are none (`empty`), and "Older questions" on from `base`.
#[component]
pub fn QuestionPosts(
    base: String,
    filter: QuestionFilter,
    page: FeedPage,
    empty: &'static str,
) -> impl IntoView {
    let older = page.next.map(|before| filter.href(&base, Some(before)));
    view! {
        <section aria-label=format!("{} questions", filter.label()) class="feed">
            {page.posts.is_empty().then(|| view! { <p class="card empty">{empty}</p> })}
            <PostList posts=page.posts viewer_id=crate::ui::viewer_id()/>
            {older.map(|href| view! {
                <a class="button secondary load-more" href=href>"Older questions"</a>
            })}
        </section>
    }
}
