//! Errors made below the app (the body limit's 413, the time limit's 503, a bare status from a
//! layer) reach a browser as the site's own page, in the style of the offline page, with the
//! status kept. What the app renders itself (pages, JSON answers) passes untouched.
use axum::{body::Body, extract::Request, middleware::Next, response::Response};
use http::header;

pub async fn as_html(req: Request, next: Next) -> Response {
    let wants_html = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    let response = next.run(req).await;
    let status = response.status();
    let bare = !response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| {
            t.to_str()
                .is_ok_and(|t| t.starts_with("text/html") || t.starts_with("application/json"))
        });
    if !(wants_html && bare && (status.is_client_error() || status.is_server_error())) {
        return response;
    }
    // Same status and headers (security headers, Retry-After), new body.
    let (mut parts, _) = response.into_parts();
    parts.headers.insert(
        header::CONTENT_TYPE,
        http::HeaderValue::from_static("text/html; charset=utf-8"),
    );
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(page(status.as_u16())))
}

fn page(status: u16) -> String {
    let title = app::ui::error_page::heading(status);
    let text = match status {
        413 => "What you sent is larger than Commons accepts. Shorten it and try again.",
        429 => "Too many attempts. Please wait a few minutes and try again.",
        503 => {
            "Commons is busy or cannot reach its database right now. Please try again in a minute."
        }
        404 => "There is nothing at this address.",
        _ => "Something went wrong on our side. Please try again in a moment.",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} · Commons</title>\n<link rel=\"stylesheet\" href=\"/offline.css\">\n\
         </head>\n<body>\n<main>\n<h1>{title}</h1>\n<p role=\"alert\">{text}</p>\n\
         <p><a href=\"/\">Go to the home page</a></p>\n</main>\n</body>\n</html>\n"
    )
}
