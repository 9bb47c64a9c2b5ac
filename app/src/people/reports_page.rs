//! `/people/:handle/reports`: everyone who reports to a person, by name, a page at a time (the
//! profile's org chart shows the first page).
use super::api::get_reports;
use super::model::ReportsPage;
use crate::error::AppError;
use crate::follows::PeopleCard;
use crate::ui::url::{encode, handle_param};
use crate::ui::{ErrorPage, NotFound, RequireSignIn};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ReportsListPage() -> impl IntoView {
    view! {
        <RequireSignIn>
            <Reports/>
        </RequireSignIn>
    }
}

#[component]
fn Reports() -> impl IntoView {
    let handle = handle_param();
    let after = use_query_map().read_untracked().get("after");
    let page = OnceResource::new(get_reports(handle, after));
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => {
                        let ReportsPage { person, reports, next } = page;
                        let more = next.map(|after| {
                            format!("/people/{}/reports?after={}", person.handle, encode(&after))
                        });
                        let title = format!("People who report to {}", person.name);
                        let empty = format!("Nobody reports to {}.", person.name);
                        view! { <PeopleCard title empty person people=reports more/> }.into_any()
                    }
                    Err(AppError::NotFound) => view! { <NotFound/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
