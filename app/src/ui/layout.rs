//! The frame of every page: the header with the organization's name and the person's links,
//! the guard that sends a new install to setup and strangers to sign in, and the 404 page.
use crate::auth::{api::get_session, SessionInfo, SignOutButton, Viewer};
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::components::{Redirect, A};

/// Who is signed in and what the organization is called, loaded once per page (pages are
/// rendered on the server; signing in or out is a form post that loads the next page).
#[derive(Clone, Copy)]
pub struct SessionResource(pub OnceResource<Result<SessionInfo, AppError>>);

pub fn provide_session() {
    provide_context(SessionResource(OnceResource::new(get_session())));
}

#[component]
pub fn Header() -> impl IntoView {
    let session = expect_context::<SessionResource>().0;
    view! {
        <header class="site-header">
            <a class="skip-link" href="#main">"Skip to content"</a>
            <Suspense fallback=|| view! { <span class="brand">"Commons"</span> }>
                {move || Suspend::new(async move {
                    let info = session.await.ok();
                    let org = info.as_ref().and_then(|i| i.organization.clone());
                    let viewer = info.and_then(|i| i.viewer);
                    view! {
                        <A href="/" attr:class="brand">{org.unwrap_or_else(|| "Commons".into())}</A>
                        <nav aria-label="Account" class="account-nav">{account_links(viewer)}</nav>
                    }
                })}
            </Suspense>
        </header>
    }
}

fn account_links(viewer: Option<Viewer>) -> AnyView {
    match viewer {
        Some(viewer) => view! {
            <A href="/invite">"Invite"</A>
            <A href=format!("/people/{}", viewer.handle)>
                <span class="visually-hidden">"Your profile: "</span>
                {viewer.name.clone()}
            </A>
            <SignOutButton/>
        }
        .into_any(),
        None => view! {
            <A href="/sign-in">"Sign in"</A>
            <A href="/join">"Join"</A>
        }
        .into_any(),
    }
}

/// Shows `children` to signed-in members with the viewer in context; sends a new install to
/// setup and asks everyone else to sign in.
#[component]
pub fn RequireSignIn(children: ChildrenFn) -> impl IntoView {
    let session = expect_context::<SessionResource>().0;
    let children = StoredValue::new(children);
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match session.await {
                    Ok(SessionInfo { organization: None, .. }) => {
                        view! { <Redirect path="/setup"/> }.into_any()
                    }
                    Ok(SessionInfo { viewer: None, organization: Some(org) }) => {
                        view! { <Welcome organization=org/> }.into_any()
                    }
                    Ok(SessionInfo { viewer: Some(viewer), .. }) => {
                        provide_context(viewer);
                        children.with_value(|children| children()).into_any()
                    }
                    Err(error) => view! { <p role="alert">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Welcome(organization: String) -> impl IntoView {
    view! {
        <section class="card welcome" aria-labelledby="welcome-title">
            <h1 id="welcome-title">{format!("Welcome to {organization}")}</h1>
            <p>"This is your organization's own social network. Sign in to see what is happening, or join with your work email."</p>
            <p class="actions">
                <A href="/sign-in" attr:class="button">"Sign in"</A>
                <A href="/join" attr:class="button secondary">"Join"</A>
            </p>
        </section>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(options) = use_context::<leptos_axum::ResponseOptions>() {
        options.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <section class="card" aria-labelledby="nf-title">
            <h1 id="nf-title">"Page not found"</h1>
            <p>"There is nothing at this address. It may have been moved, or the link may be mistyped."</p>
            <p><A href="/">"Go to the home page"</A></p>
        </section>
    }
}
