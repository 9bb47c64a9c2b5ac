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
use memchr::memmem;
use std::sync::LazyLock;

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

/// The page with the three faults put right (see the module's comment), in one pass over the
/// page: it is searched with `memchr`'s vectorized finders, as a page is tens of kilobytes and
/// this runs for every one (`str::find` and `replace` here were 5% of a page's CPU).
pub fn tidy(html: &str, nonce: Option<&str>) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 32);
    let (document, after) = match memmem::rfind(html.as_bytes(), DOCUMENT_END.as_bytes()) {
        Some(end) if !html[end + DOCUMENT_END.len()..].trim().is_empty() => {
            (&html[..end], Some(&html[end + DOCUMENT_END.len()..]))
        }
        _ => (html, None),
    };
    // The nonce is only written into the preload links, in the head (all of a fragment).
    let head_end = memmem::find(document.as_bytes(), b"</head>").unwrap_or(document.len());
    let (head, body) = document.split_at(head_end);
    match nonce {
        Some(nonce) => {
            let head = head.replace(&format!(" crossorigin=\"{nonce}\""), " crossorigin=\"\"");
            push_with_proper_comments(&mut out, &head);
        }
        None => push_with_proper_comments(&mut out, head),
    }
    push_with_proper_comments(&mut out, body);
    if let Some(after) = after {
        push_with_proper_comments(&mut out, after);
        out.push_str(DOCUMENT_END);
    }
    out
}

const DOCUMENT_END: &str = "</body></html>";

static SCRIPT_START: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new("<script"));
static SCRIPT_END: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new("</script>"));
static MARKER: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("<!>"));

/// Appends `html` with `<!>` written as `<!---->` everywhere but inside scripts.
fn push_with_proper_comments(out: &mut String, html: &str) {
    let mut rest = html;
    while let Some(start) = SCRIPT_START.find(rest.as_bytes()) {
        push_markers_replaced(out, &rest[..start]);
        let script = &rest[start..];
        let end = SCRIPT_END
            .find(script.as_bytes())
            .map_or(script.len(), |e| e + "</script>".len());
        out.push_str(&script[..end]);
        rest = &script[end..];
    }
    push_markers_replaced(out, rest);
}

fn push_markers_replaced(out: &mut String, text: &str) {
    let mut copied = 0;
    for at in MARKER.find_iter(text.as_bytes()) {
        out.push_str(&text[copied..at]);
        out.push_str("<!---->");
        copied = at + "<!>".len();
    }
    out.push_str(&text[copied..]);
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
    fn a_whole_page_is_put_right_in_one_pass() {
        assert_eq!(
            tidy(
                r#"<html><head><link crossorigin="n1"><!></head><body><p><!>x</p></body></html><script nonce="n1">a('<!>')</script>"#,
                Some("n1")
            ),
            r#"<html><head><link crossorigin=""><!----></head><body><p><!---->x</p><script nonce="n1">a('<!>')</script></body></html>"#
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
