use super::{
    api::{directory_filters, search_people},
    model::{DirectoryEntry, DirectoryPage, Filters},
};
use crate::ui::{Avatar, ErrorPage, RequireSignIn};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/people`: find colleagues by name, handle, title or what they can be asked about, and
/// filter by department and location. Without JavaScript it is a plain GET form; with it, the
/// results follow the typing.
#[component]
pub fn DirectoryPage() -> impl IntoView {
    view! {
        <Title text="People"/>
        <RequireSignIn>
            <Directory/>
        </RequireSignIn>
    }
}

/// What the directory's address asks for.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default)]
pub struct Search {
    pub q: String,
    pub department: String,
    pub location: String,
}

impl Search {
    /// The directory's address for this search, from the cursor `after` if given.
    fn href(&self, after: Option<&str>) -> String {
        let mut fields = vec![
            ("q", self.q.clone()),
            ("department", self.department.clone()),
            ("location", self.location.clone()),
        ];
        if let Some(after) = after {
            fields.push(("after", after.to_string()));
        }
        let query: Vec<String> = fields
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", crate::ui::url::encode(&v)))
            .collect();
        if query.is_empty() {
            "/people".into()
        } else {
            format!("/people?{}", query.join("&"))
        }
    }
}

#[component]
fn Directory() -> impl IntoView {
    let query = use_query_map().read_untracked();
    let search = Search {
        q: query.get("q").unwrap_or_default(),
        department: query.get("department").unwrap_or_default(),
        location: query.get("location").unwrap_or_default(),
    };
    let after = query.get("after");
    let browsing = search == Search::default() && after.is_none();
    let page = OnceResource::new({
        let search = search.clone();
        async move {
            let filters = directory_filters().await?;
            let page = search_people(search.q, search.department, search.location, after).await?;
            Ok::<_, crate::error::AppError>((filters, page))
        }
    });
    let is_admin = use_context::<crate::auth::Viewer>().is_some_and(|v| v.is_admin);
    view! {
        <h1>"People"</h1>
        {is_admin.then(|| view! {
            <p class="admin-link"><a href=super::import::model::IMPORT_PATH>"Import people from a CSV file"</a></p>
        })}
        {browsing.then(|| view! { <crate::suggestions::PeopleYouMayKnow/> })}
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || {
                let search = search.clone();
                Suspend::new(async move {
                    match page.await {
                        Ok((filters, first)) => view! { <DirectorySearch search filters first/> }.into_any(),
                        Err(error) => view! { <ErrorPage error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The search form and its results. An island: as a person types, the results are asked for
/// once the typing pauses, and an answer that arrives after a newer one was asked for is
/// dropped.
#[island(lazy)]
fn DirectorySearch(search: Search, filters: Filters, first: DirectoryPage) -> impl IntoView {
    let current = RwSignal::new(search.clone());
    let page = RwSignal::new(first);
    // The search the shown page answers (`current` runs ahead while a person types).
    let shown = RwSignal::new(search.clone());
    let searching = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    // The number of the newest request: only its answer is shown.
    let latest = StoredValue::new(0u64);

    let run = move |search: Search| {
        let ticket = latest.get_value() + 1;
        latest.set_value(ticket);
        searching.set(true);
        leptos::task::spawn_local(async move {
            let answer = search_people(
                search.q.clone(),
                search.department.clone(),
                search.location.clone(),
                None,
            )
            .await;
            if latest.get_value() != ticket {
                return;
            }
            match answer {
                Ok(found) => {
                    page.set(found);
                    shown.set(search);
                    error.set(None);
                }
                Err(e) => error.set(Some(e.to_string())),
            }
            searching.set(false);
        });
    };
    #[cfg(feature = "hydrate")]
    let pending = StoredValue::new(None::<leptos::prelude::TimeoutHandle>);
    let changed = move |update: Box<dyn FnOnce(&mut Search)>| {
        current.update(|s| update(s));
        let search = current.get_untracked();
        #[cfg(feature = "hydrate")]
        {
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            let handle = leptos::prelude::set_timeout_with_handle(
                move || run(search),
                std::time::Duration::from_millis(250),
            )
            .ok();
            pending.set_value(handle);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (search, run);
    };
    let option = |value: String, selected: bool| {
        let label = value.clone();
        view! { <option value=value selected=selected>{label}</option> }
    };
    let Filters {
        departments,
        locations,
    } = filters;
    view! {
        <form class="card directory-search" role="search" method="get" action="/people"
            on:submit=move |ev| {
                ev.prevent_default();
                run(current.get_untracked());
            }>
            <div class="field">
                <label for="people-q">"Search people"</label>
                <input id="people-q" name="q" type="search" value=search.q.clone()
                    autocomplete="off" aria-describedby="people-q-hint"
                    on:input=move |ev| {
                        let q = event_target_value(&ev);
                        changed(Box::new(move |s| s.q = q));
                    }/>
                <p class="hint" id="people-q-hint">"Names, handles, titles, or what people can be asked about, like “rust”."</p>
            </div>
            <div class="filters">
                <div class="field">
                    <label for="people-department">"Department"</label>
                    <select id="people-department" name="department"
                        on:change=move |ev| {
                            let d = event_target_value(&ev);
                            changed(Box::new(move |s| s.department = d));
                        }>
                        <option value="">"All departments"</option>
                        {departments.into_iter().map(|d| { let on = d == search.department; option(d, on) }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="people-location">"Location"</label>
                    <select id="people-location" name="location"
                        on:change=move |ev| {
                            let l = event_target_value(&ev);
                            changed(Box::new(move |s| s.location = l));
                        }>
                        <option value="">"All locations"</option>
                        {locations.into_iter().map(|l| { let on = l == search.location; option(l, on) }).collect_view()}
                    </select>
                </div>
            </div>
            <button type="submit">"Search"</button>
        </form>
        {move || {
            let experts = page.get().experts;
            (!experts.is_empty()).then(|| {
                let label = format!("Who knows about {}", shown.get().q.trim());
                let heading = label.clone();
                view! {
                    <section aria-label=label class="card experts">
                        <h2>{heading}</h2>
                        <ul class="people">
                            {experts.into_iter().map(|expert| view! {
                                <Entry person=expert.person evidence=expert.evidence.text()/>
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })
        }}
        <section aria-label="Search results" class="directory" aria-busy=move || searching.get().to_string()>
            <p class="form-error" role="alert">{move || error.get()}</p>
            {move || {
                let found = page.get();
                if found.people.is_empty() {
                    view! { <p class="empty" role="status">"Nobody matches. Try fewer words, or another department or location."</p> }.into_any()
                } else {
                    let more = found.next.as_deref().map(|after| current.get().href(Some(after)));
                    view! {
                        <ul class="people">
                            {found.people.into_iter().map(|person| view! { <Entry person/> }).collect_view()}
                        </ul>
                        {more.map(|href| view! { <a class="button secondary load-more" href=href>"More people"</a> })}
                    }.into_any()
                }
            }}
        </section>
    }
}

/// One person in a list of the directory; `evidence` says how they know about what was searched.
#[component]
fn Entry(
    person: DirectoryEntry,
    #[prop(optional, into)] evidence: Option<String>,
) -> impl IntoView {
    let role = [person.title, person.department, person.location]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let topics = person.ask_me_about.join(", ");
    view! {
        <li>
            <Avatar name=person.name.clone() handle=person.handle.clone() photo=person.photo/>
            <div>
                <a href=format!("/people/{}", person.handle)>{person.name}</a>
                {(!role.is_empty()).then(|| view! { <p class="role">{role}</p> })}
                {(!topics.is_empty()).then(|| view! { <p class="role">"Ask me about: "{topics}</p> })}
                {evidence.map(|evidence| view! { <p class="evidence">{evidence}</p> })}
            </div>
        </li>
    }
}
