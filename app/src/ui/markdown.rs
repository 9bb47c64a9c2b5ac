//! Markdown from people, rendered on the server and cleaned by an allowlist sanitizer before
//! anyone sees it. This is the only place user text becomes HTML.
use pulldown_cmark::{html, Options, Parser};
use std::sync::OnceLock;

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .url_schemes(["http", "https", "mailto"].into_iter().collect())
            .link_rel(Some("noopener noreferrer nofollow ugc"))
            .rm_tags(["img"]);
        builder
    })
}

/// Safe HTML for a Markdown text.
pub fn render(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES,
    );
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, parser);
    sanitizer().clean(&unsafe_html).to_string()
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn renders_the_common_markdown() {
        let html =
            render("**bold** _it_ [link](https://example.org)\n\n- a\n- b\n\n`code`\n\n> quote");
        for part in [
            "<strong>bold</strong>",
            "<em>it</em>",
            "<li>a</li>",
            "<code>code</code>",
            "<blockquote>",
        ] {
            assert!(html.contains(part), "{part} missing in {html}");
        }
        assert!(html.contains(r#"href="https://example.org""#));
        assert!(html.contains("noopener"));
    }

    #[test]
    fn removes_everything_that_could_run() {
        let payloads = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[x](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<svg onload=alert(1)>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<form action=\"https://evil.example\"><button>x</button></form>",
        ];
        for payload in payloads {
            let html = render(payload).to_lowercase();
            for bad in [
                "<script",
                "onerror",
                "onload",
                "javascript:",
                "<iframe",
                "<svg",
                "style=",
                "data:",
                "<form",
            ] {
                assert!(!html.contains(bad), "{payload} left {bad} in {html}");
            }
        }
    }
}
