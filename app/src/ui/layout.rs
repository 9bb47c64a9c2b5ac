//! The frame of every page: the header with the organization's name and the person's links,
//! the guard that sends a new install to setup and strangers to sign in, and the 404 page.
use crate::auth::{SessionInfo, SignOutButton, Viewer};
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::components::{Redirect, A};

/// Who is signed in and what the organization is called, as the server resolved them for this
/// request (`None` when the database could not be read). Pages are rendered on the server, so
/// this is a plain value: signing in or out is a form post that loads the next page.
#[derive(Clone)]
pub struct Session(pub Option<SessionInfo>);

pub fn provide_session() {
    #[cfg(feature = "ssr")]
    provide_context(Session(crate::api::session()));
}

fn session() -> Option<SessionInfo> {
    use_context::<Session>().and_then(|session| session.0)
}

#[component]
pub fn Header() -> impl IntoView {
    let info = session();
    let org = info.as_ref().and_then(|i| i.organization.clone());
    let viewer = info.and_then(|i| i.viewer);
    view! {
        <header class="site-header">
            <a class="skip-link" href="#main">"Skip to content"</a>
            <A href="/" attr:class="brand">{org.unwrap_or_else(|| "Commons".into())}</A>
            <nav aria-label="Account" class="account-nav">{account_links(viewer)}</nav>
        </header>
    }
}

fn account_links(viewer: Option<Viewer>) -> AnyView {
    match viewer {
        Some(viewer) => view! {
            <crate::notifications::Bell viewer_id=viewer.id/>
            <A href="/people">"People"</A>
            <A href="/groups">"Groups"</A>
            <A href="/topics">"Topics"</A>
            <A href="/questions">"Questions"</A>
            <A href="/invite">"Invite"</A>
            <A href="/settings">"Settings"</A>
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
    match session() {
        Some(SessionInfo {
            organization: None, ..
        }) => view! { <Redirect path="/setup"/> }.into_any(),
        Some(SessionInfo {
            viewer: None,
            organization: Some(org),
        }) => view! { <Welcome organization=org/> }.into_any(),
        Some(SessionInfo {
            viewer: Some(viewer),
            ..
        }) => {
            provide_context(Moderator(viewer.is_admin));
            provide_context(viewer);
            children().into_any()
        }
        None => view! { <super::ErrorPage error=AppError::Unavailable/> }.into_any(),
    }
}

/// The id of the signed-in person, inside [`RequireSignIn`] (0 outside it).
pub fn viewer_id() -> i64 {
    use_context::<Viewer>().map(|v| v.id).unwrap_or_default()
}

/// Whether the signed-in person is an administrator, for what pages and islands show (the
/// policy decides on the server). Provided by [`RequireSignIn`], and by islands from their
/// props (the browser has no server context).
#[derive(Debug, Clone, Copy)]
pub struct Moderator(pub bool);

/// See [`Moderator`]; false outside [`RequireSignIn`] and islands that provide it.
pub fn is_moderator() -> bool {
    use_context::<Moderator>().is_some_and(|m| m.0)
}

/// Whether the organization has been set up (false also when the database cannot be read).
pub fn is_set_up() -> bool {
    session().is_some_and(|info| info.organization.is_some())
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
        <leptos_meta::Title text="Page not found"/>
        <section class="card" aria-labelledby="nf-title">
            <h1 id="nf-title">"Page not found"</h1>
            <p>"There is nothing at this address. It may have been moved, or the link may be mistyped."</p>
            <p><A href="/">"Go to the home page"</A></p>
        </section>
    }
}
