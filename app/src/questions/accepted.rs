//! The parts of questions that posts and conversations show: the accepted answer, the form
//! that accepts one, and the filters of a list of questions.
use super::{api::SetAcceptedAnswer, model::QuestionFilter};
use crate::conversations::model::CommentView;
use crate::ui::{Avatar, Timestamp};
use leptos::{prelude::*, server_fn::ServerFn};

/// A question's accepted answer, shown first, above the answers: who wrote it, when, and its
/// text, with a link to it in its thread.
#[component]
pub fn AcceptedAnswer(answer: CommentView) -> impl IntoView {
    let heading = format!("accepted-{}", answer.post_id);
    let labelled_by = heading.clone();
    view! {
        <section class="accepted-answer" aria-labelledby=labelled_by>
            <h3 id=heading class="accepted-marker">"Accepted answer"</h3>
            <p class="comment-meta">
                <Avatar name=answer.author_name.clone() handle=answer.author_handle.clone() photo=answer.author_photo shown=28/>
                <a href=format!("/people/{}", answer.author_handle) class="author">{answer.author_name}</a>
                " · "
                <a href=format!("/posts/{}#comment-{}", answer.post_id, answer.id)><Timestamp ms=answer.created_at/></a>
            </p>
            // Rendered from Markdown and cleaned by the allowlist sanitizer on the server.
            <div class="comment-body" inner_html=answer.body_html></div>
        </section>
    }
}

/// "Accept answer" on an answer (`comment_id`), or "Undo acceptance" with none: a plain form
/// that comes back to the page, with JavaScript or without.
#[component]
pub fn AcceptForm(post_id: i64, comment_id: Option<i64>) -> impl IntoView {
    let label = if comment_id.is_some() {
        "Accept answer"
    } else {
        "Undo acceptance"
    };
    view! {
        <form method="post" action=SetAcceptedAnswer::url() class="accept-answer">
            <input type="hidden" name="post_id" value=post_id.to_string()/>
            {comment_id.map(|id| view! { <input type="hidden" name="comment_id" value=id.to_string()/> })}
            <button type="submit" class="link">{label}</button>
        </form>
    }
}

/// Links to a list's filters ("All", "Unanswered", "Answered"), the current one marked: `base`
/// is the list's path, `label` names the navigation.
#[component]
pub fn FilterLinks(base: String, current: QuestionFilter, label: &'static str) -> impl IntoView {
    view! {
        <nav class="feed-tabs" aria-label=label>
            {QuestionFilter::ALL.into_iter().map(|filter| view! {
                <a href=filter.href(&base, None) aria-current=(filter == current).then_some("page")>
                    {filter.label()}
                </a>
            }).collect_view()}
        </nav>
    }
}
