use super::api::person_questions;
use super::model::{QuestionLink, QuestionsOf};
use crate::ui::Timestamp;
use leptos::prelude::*;

/// A profile's questions: what the person asked, and where an answer of theirs was accepted
/// (the latest of each the viewer may see). Nothing when there are none.
#[component]
pub fn PersonQuestionsLists(person_id: i64, name: String) -> impl IntoView {
    let found = OnceResource::new(person_questions(person_id));
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let name = name.clone();
                Suspend::new(async move {
                    found.await.ok().map(|lists| view! { <Lists lists name/> })
                })
            }}
        </Suspense>
    }
}

#[component]
fn Lists(lists: QuestionsOf, name: String) -> impl IntoView {
    let QuestionsOf { asked, answered } = lists;
    view! {
        {(!asked.is_empty()).then(|| view! {
            <section class="card question-links" aria-label=format!("Questions {name} asked")>
                <h2>"Questions"</h2>
                <Links links=asked to_answer=false/>
            </section>
        })}
        {(!answered.is_empty()).then(|| view! {
            <section class="card question-links" aria-label=format!("Accepted answers by {name}")>
                <h2>"Accepted answers"</h2>
                <Links links=answered to_answer=true/>
            </section>
        })}
    }
}

#[component]
fn Links(links: Vec<QuestionLink>, to_answer: bool) -> impl IntoView {
    view! {
        <ul class="question-list">
            {links.into_iter().map(|link| {
                let answered = link.accepted.is_some();
                view! {
                    <li>
                        <a href=link.href(to_answer)>{link.title.clone()}</a>
                        " · "
                        <Timestamp ms=link.created_at/>
                        {(answered && !to_answer).then(|| view! { <span class="badge answered">"Answered"</span> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
