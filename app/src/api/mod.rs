//! What every server function needs on the server: who is asking (`require_viewer`), what they
//! may read (`read_scope`), the shared state, the client's address, and one way to finish
//! (status code, and for plain HTML forms a redirect back to the page with the error's code in
//! its query, so a person without JavaScript sees what went wrong).
pub use json::Json;
#[cfg(feature = "ssr")]
pub use server::*;

mod json;

/// The query parameter that carries a form error back to the page after a plain form post.
pub const ERROR_PARAM: &str = "error";

#[cfg(feature = "ssr")]
mod server {
    use crate::{
        auth::{SessionInfo, Viewer},
        error::AppError,
        state::AppState,
    };
    use http::{header, request::Parts};
    use leptos::prelude::*;
    use leptos_axum::ResponseOptions;

    /// The shared state. Missing only when a render outlives its request (the browser went away
    /// while a resource was still loading); then there is nobody to answer.
    pub fn state() -> Result<AppState, AppError> {
        use_context::<AppState>().ok_or(AppError::Unavailable)
    }

    fn parts() -> Option<Parts> {
        use_context::<Parts>()
    }

    /// Who is asking and the organization's name, as resolved by the session middleware;
    /// `None` when the database could not be read.
    pub fn session() -> Option<SessionInfo> {
        parts().and_then(|parts| parts.extensions.get::<SessionInfo>().cloned())
    }

    /// The signed-in person making this request.
    pub fn viewer() -> Option<Viewer> {
        session().and_then(|session| session.viewer)
    }

    /// The signed-in person, or why there is none: not signed in, or the database could not
    /// say (then the session middleware left no [`SessionInfo`]).
    pub fn require_viewer() -> Result<Viewer, AppError> {
        session()
            .ok_or(AppError::Unavailable)?
            .viewer
            .ok_or(AppError::SignInRequired)
    }

    /// What the person asking may read, from the policy; every store read of content takes it.
    pub fn read_scope() -> Result<crate::policy::ReadScope, AppError> {
        let viewer = require_viewer()?;
        crate::policy::read_scope(Some(&viewer), &memberships().0).ok_or(AppError::SignInRequired)
    }

    /// The groups the person asking belongs to, as the session middleware read them.
    pub fn memberships() -> crate::groups::Memberships {
        parts()
            .and_then(|parts| {
                parts
                    .extensions
                    .get::<crate::groups::Memberships>()
                    .cloned()
            })
            .unwrap_or_default()
    }

    /// The client's IP address, for rate limits: the socket peer, or what a trusted proxy says.
    pub fn client_ip() -> String {
        let Some(parts) = parts() else {
            return "unknown".into();
        };
        let Some(peer) = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        else {
            return "unknown".into();
        };
        let forwarded = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|value| value.to_str().ok());
        let trusted = state().map(|state| state.config.trusted_proxies.clone());
        crate::net::client_ip(peer.0.ip(), forwarded, &trusted.unwrap_or_default()).to_string()
    }

    /// The address people reach Commons at, for links in mail: the configured public URL, or
    /// else this request's host.
    pub fn site_url() -> String {
        if let Some(url) = state()
            .ok()
            .and_then(|state| state.config.public_url.clone())
        {
            return url.trim_end_matches('/').to_string();
        }
        let host = parts()
            .and_then(|p| {
                p.headers
                    .get(header::HOST)
                    .and_then(|h| h.to_str().ok())
                    .map(String::from)
            })
            .unwrap_or_else(|| "localhost".into());
        format!("http://{host}")
    }

    /// True when the request is a plain HTML form post (no JavaScript).
    fn is_plain_form_post() -> bool {
        parts()
            .and_then(|parts| {
                parts
                    .headers
                    .get(header::ACCEPT)
                    .and_then(|v| v.to_str().ok())
                    .map(|v| v.contains("text/html"))
            })
            .unwrap_or(false)
    }

    /// Path and query of the page the form was posted from, when it is on this site.
    fn referring_page() -> Option<String> {
        let parts = parts()?;
        let referer = parts.headers.get(header::REFERER)?.to_str().ok()?;
        let host = parts.headers.get(header::HOST)?.to_str().ok()?;
        let rest = referer
            .strip_prefix("http://")
            .or_else(|| referer.strip_prefix("https://"))?;
        let path = rest.strip_prefix(host)?;
        crate::ui::url::is_same_site_path(path).then(|| path.to_string())
    }

    fn has_redirect() -> bool {
        use_context::<ResponseOptions>()
            .and_then(|options| {
                options
                    .0
                    .read()
                    .ok()
                    .map(|parts| parts.headers.contains_key(header::LOCATION))
            })
            .unwrap_or(false)
    }

    /// Sends the person to `path` (a path on this site) after a successful form post.
    pub fn redirect_to(path: &str) {
        if crate::ui::url::is_same_site_path(path) {
            leptos_axum::redirect(path);
        } else {
            tracing::error!(path, "refused to redirect off the site");
            leptos_axum::redirect("/");
        }
    }

    /// Finishes a server function: sets the status for errors and, for plain form posts, sends
    /// the person back to the form with the message and the harmless fields they typed.
    pub fn finish<T>(result: Result<T, AppError>, keep: &[(&str, &str)]) -> Result<T, AppError> {
        if result.is_ok() && is_plain_form_post() && !has_redirect() {
            // Back to the form's page, without the last attempt's error and kept fields.
            if let Some(page) = referring_page() {
                let mut cleared = vec![(super::ERROR_PARAM, String::new())];
                cleared.extend(keep.iter().map(|(k, _)| (*k, String::new())));
                redirect_to(&crate::ui::url::with_query(&page, &cleared));
            }
        }
        if let Err(error) = &result {
            let status = error.http_status();
            if is_plain_form_post() {
                if let Some(page) = referring_page() {
                    let mut fields = vec![(super::ERROR_PARAM, error.code().to_string())];
                    fields.extend(keep.iter().map(|(k, v)| (*k, v.to_string())));
                    redirect_to(&crate::ui::url::with_query(&page, &fields));
                    return result;
                }
            }
            if let Some(options) = use_context::<ResponseOptions>() {
                options.set_status(status);
            }
        }
        result
    }
}
