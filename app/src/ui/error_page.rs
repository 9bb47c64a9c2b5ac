//! A page that could not be shown: the site's own page, with the status that says why.
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::components::A;

/// What went wrong, with the HTTP status to match (404 for what is not there, 503 when the
/// database is unreachable, and so on), so a page never says "error" with a 200.
#[component]
pub fn ErrorPage(error: AppError) -> impl IntoView {
    let status = error.status();
    #[cfg(feature = "ssr")]
    if let Some(options) = use_context::<leptos_axum::ResponseOptions>() {
        options.set_status(error.http_status());
    }
    let title = heading(status);
    view! {
        <leptos_meta::Title text=title/>
        <section class="card" aria-labelledby="error-title">
            <h1 id="error-title">{title}</h1>
            <p role="alert">{error.to_string()}</p>
            <p><A href="/">"Go to the home page"</A></p>
        </section>
    }
}

/// The heading for a status, in plain words.
pub fn heading(status: u16) -> &'static str {
    match status {
        401 => "Please sign in",
        403 => "Not allowed",
        404 => "Page not found",
        413 => "Too large",
        429 => "Too many attempts",
        503 => "Commons is unavailable",
        _ => "Something went wrong",
    }
}
