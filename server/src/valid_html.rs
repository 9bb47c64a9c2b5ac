//! Three things Leptos 0.8 writes that are not valid HTML, put right before a page leaves.
//! Each change leaves the document a browser builds exactly as it was:
//!
//! - the CSP nonce written into `crossorigin` of the preload links (`HydrationScripts` passes
//!   the nonce where the attribute's value goes): an invalid value means "anonymous", and so
//!   does the empty one we write;
//! - `<!>`, its marker for a dynamic spot, which parsers read as an empty "bogus" comment:
//!   `<!---->` is the same empty comment, written properly;
//! - the scripts it appends after `</html>`, which parsers put at the end of `<body>` anyway:
//!   that is where we write them.
//!
//! Pages are rendered whole before they are sent (`SsrMode::Async`), so holding the body costs
//! one copy of a few kilobytes. The rest of a document is left alone: text Leptos writes has its
//! `<` escaped, and script contents are skipped.
use app::shell::CspNonce;
use axum::{body::Body, extract::Request, middleware::Next, response::Response};
use http::header;

/// Larger bodies are passed on untouched (no page comes near it).
const MAX_PAGE_BYTES: usize = 8 * 1024 * 1024;

pub async fn middleware(req: Request, next: Next) -> Response {
    let nonce = req.extensions().get::<CspNonce>().map(|n| n.0.clone());
    let response = next.run(req).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|t| t.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    if !is_html {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(%error, "could not read a page to tidy it");
            parts.status = http::StatusCode::INTERNAL_SERVER_ERROR;
            return Response::from_parts(parts, Body::empty());
        }
    };
    let Ok(html) = std::str::from_utf8(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let tidied = tidy(html, nonce.as_deref());
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(tidied))
}

/// The page with the three faults put right (see the module's comment).
pub fn tidy(html: &str, nonce: Option<&str>) -> String {
    let mut html = match nonce {
        Some(nonce) => html.replace(&format!(" crossorigin=\"{nonce}\""), " crossorigin=\"\""),
        None => html.to_string(),
    };
    if let Some(end) = html.find("</body></html>") {
        let after = html[end + "</body></html>".len()..].to_string();
        if !after.trim().is_empty() {
            html.truncate(end);
            html.push_str(&after);
            html.push_str("</body></html>");
        }
    }
    proper_empty_comments(&html)
}

/// `<!>` becomes `<!---->` everywhere but inside scripts.
fn proper_empty_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        out.push_str(&rest[..start].replace("<!>", "<!---->"));
        let script = &rest[start..];
        let end = script
            .find("</script>")
            .map(|e| e + "</script>".len())
            .unwrap_or(script.len());
        out.push_str(&script[..end]);
        rest = &script[end..];
    }
    out.push_str(&rest.replace("<!>", "<!---->"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nonce_leaves_crossorigin_and_stays_on_scripts() {
        let page = r#"<link rel="modulepreload" href="/a.js" crossorigin="abc123"><script nonce="abc123">x()</script>"#;
        assert_eq!(
            tidy(page, Some("abc123")),
            r#"<link rel="modulepreload" href="/a.js" crossorigin=""><script nonce="abc123">x()</script>"#
        );
    }

    #[test]
    fn markers_become_proper_comments_outside_scripts_only() {
        assert_eq!(
            tidy("<p><!>a<!></p><script>s='<!>'</script><b><!></b>", None),
            "<p><!---->a<!----></p><script>s='<!>'</script><b><!----></b>"
        );
    }

    #[test]
    fn scripts_after_the_document_move_to_the_end_of_its_body() {
        assert_eq!(
            tidy(
                "<html><body><main>m</main></body></html><script>a()</script><script>b()</script>",
                None
            ),
            "<html><body><main>m</main><script>a()</script><script>b()</script></body></html>"
        );
        let whole = "<html><body>m</body></html>";
        assert_eq!(tidy(whole, None), whole);
    }
}
