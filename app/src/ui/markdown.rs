//! Markdown from people, rendered on the server and cleaned by an allowlist sanitizer before
//! anyone sees it. This is the only place user text becomes HTML.
//!
//! HTML typed into Markdown is shown as the text it is, never passed through; headings are
//! small (a post's `#` is an `<h3>`, so it never competes with the page's own headings); and the
//! sanitizer keeps only what posts need, whatever the Markdown produced.
use pulldown_cmark::{html, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::sync::OnceLock;

/// The elements a post may contain. No landmarks, no `h1`/`h2`, no images (media come as
/// uploads), no forms or image maps.
const ALLOWED_TAGS: [&str; 24] = [
    "p",
    "br",
    "hr",
    "em",
    "strong",
    "del",
    "a",
    "ul",
    "ol",
    "li",
    "code",
    "pre",
    "blockquote",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "sup",
];

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut builder = ammonia::Builder::empty();
        builder
            .tags(ALLOWED_TAGS.into_iter().collect())
            .add_tag_attributes("a", ["href", "title"])
            .add_tag_attributes("ol", ["start"])
            .url_schemes(["http", "https", "mailto"].into_iter().collect())
            .link_rel(Some("noopener noreferrer nofollow ugc"));
        builder
    })
}

/// A post's heading level: `#` is an `h3`, and so on down to `h6`.
fn small(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Safe HTML for a Markdown text.
pub fn render(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES,
    )
    .map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: small(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(small(level))),
        other => other,
    });
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, parser);
    sanitizer().clean(&unsafe_html).to_string()
}

#[cfg(test)]
mod tests {
    use super::{render, ALLOWED_TAGS};

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
    fn typed_html_is_shown_as_text_and_headings_are_small() {
        let html = render("# Big\n\n## Less\n\n<nav>menu</nav> and <b>bold</b>");
        assert!(html.contains("<h3>Big</h3>"), "{html}");
        assert!(html.contains("<h4>Less</h4>"), "{html}");
        assert!(html.contains("&lt;nav&gt;menu&lt;/nav&gt;"), "{html}");
        assert!(html.contains("&lt;b&gt;bold&lt;/b&gt;"), "{html}");
        for landmark in ["<nav", "<header", "<h1", "<h2", "<area", "<form", "<b>"] {
            assert!(!html.contains(landmark), "{landmark} in {html}");
        }
        let link = render("[x](https://example.org)");
        assert!(
            link.contains(r#"rel="noopener noreferrer nofollow ugc""#),
            "{link}"
        );
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
            // Text comes out escaped, so every `<` left opens a real element: check those.
            for tag in html
                .split('<')
                .skip(1)
                .map(|rest| rest.split('>').next().unwrap_or(""))
            {
                let name = tag
                    .trim_start_matches('/')
                    .split([' ', '/'])
                    .next()
                    .unwrap_or("");
                assert!(
                    ALLOWED_TAGS.contains(&name),
                    "{payload} left <{tag}> in {html}"
                );
                for bad in [" on", "style=", "javascript:", "data:"] {
                    assert!(!tag.contains(bad), "{payload} left {bad} in <{tag}>");
                }
            }
        }
    }
}
