use super::api::{group_requests, AnswerRequest};
use super::group_page::group_id_param;
use super::model::{href, RequestsView};
use crate::error::AppError;
use crate::ui::{submitted_error, Avatar, FormError, RequireSignIn};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

/// `/groups/{id}/requests`: the people asking to join, for the group's owners and admins to
/// approve or decline.
#[component]
pub fn RequestsPage() -> impl IntoView {
    view! {
        <RequireSignIn>
            <RequestsLoader/>
        </RequireSignIn>
    }
}

#[component]
fn RequestsLoader() -> impl IntoView {
    let id = group_id_param();
    let found = OnceResource::new(async move {
        match id {
            Some(id) => group_requests(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(requests) => view! { <RequestList requests/> }.into_any(),
                    Err(AppError::NotFound) => view! { <crate::ui::NotFound/> }.into_any(),
                    Err(error) => view! { <crate::ui::ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RequestList(requests: RequestsView) -> impl IntoView {
    let RequestsView { summary, people } = requests;
    let id = summary.id;
    let answer = move |person: i64, approve: bool, text: &'static str| {
        view! {
            <form method="post" action=AnswerRequest::url() class="inline-form">
                <input type="hidden" name="id" value=id.to_string()/>
                <input type="hidden" name="person" value=person.to_string()/>
                <input type="hidden" name="approve" value=approve.to_string()/>
                <button type="submit" class=if approve { "" } else { "secondary" }>{text}</button>
            </form>
        }
    };
    view! {
        <Title text=format!("Requests to join {}", summary.name)/>
        <section class="card" aria-labelledby="requests-title">
            <p class="back"><a href=href(id)>{summary.name.clone()}</a></p>
            <h1 id="requests-title">"Requests"</h1>
            <FormError message=submitted_error()/>
            {people.is_empty().then(|| view! { <p class="empty">"Nobody is waiting to join."</p> })}
            <ul class="people requests">
                {people.into_iter().map(|person| view! {
                    <li>
                        <Avatar name=person.name.clone() handle=person.handle.clone() photo=person.photo/>
                        <a href=format!("/people/{}", person.handle)>{person.name.clone()}</a>
                        {answer(person.id, true, "Approve")}
                        {answer(person.id, false, "Decline")}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
