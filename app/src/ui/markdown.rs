//! Markdown from people, rendered on the server and cleaned by an allowlist sanitizer before
//! anyone sees it. This is the only place user text becomes HTML.
//!
//! HTML typed into Markdown is shown as the text it is, never passed through; headings are
//! small (a post's `#` is an `<h3>`, so it never competes with the page's own headings); and the
//! sanitizer keeps only what posts need, whatever the Markdown produced.
use pulldown_cmark::{html, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
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

/// Safe HTML for a Markdown text, with its `#topics` linked.
pub fn render(markdown: &str) -> String {
    render_mentioning(markdown, &[])
}

/// At most this many people are mentioned, and topics named, in one text.
pub const MAX_MENTIONS: usize = 20;

/// Safe HTML for a Markdown text in which `@handle` of each of `people` (handles that exist)
/// links to their profile, and every `#topic` to the topic's page.
pub fn render_mentioning(markdown: &str, people: &[String]) -> String {
    let mut events = Vec::new();
    let mut place = Place::default();
    for event in parse(markdown) {
        place.follow(&event);
        match event {
            Event::Text(text) if place.reads_tags() => link_tags(text, people, &mut events),
            other => events.push(other),
        }
    }
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, events.into_iter());
    sanitizer().clean(&unsafe_html).to_string()
}

/// The handles `@mentioned` in a Markdown text. Mentions are read from what was written, never
/// taken from the client.
pub fn mentioned_handles(markdown: &str) -> Vec<String> {
    tagged(markdown, Sigil::Mention)
}

/// The `#topics` of a Markdown text, lowercased.
pub fn topics(markdown: &str) -> Vec<String> {
    tagged(markdown, Sigil::Topic)
}

/// The names tagged with `sigil` in a Markdown text (not in code or links), each once, in
/// order, at most [`MAX_MENTIONS`].
fn tagged(markdown: &str, sigil: Sigil) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut place = Place::default();
    for event in parse(markdown) {
        place.follow(&event);
        if let Event::Text(text) = event {
            if place.reads_tags() {
                for (_, name) in tag_spans(&text).filter(|(tag, _)| tag.sigil == sigil) {
                    if !names.contains(&name) && names.len() < MAX_MENTIONS {
                        names.push(name);
                    }
                }
            }
        }
    }
    names
}

/// The Markdown's events as posts show them: typed HTML as text, headings small.
fn parse(markdown: &str) -> impl Iterator<Item = Event<'_>> {
    Parser::new_ext(
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
    })
}

/// Whether the text being read is inside a code block or a link (where `@` and `#` are text).
#[derive(Default)]
struct Place {
    in_code: bool,
    links: usize,
}

impl Place {
    fn follow(&mut self, event: &Event) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => self.in_code = true,
            Event::End(TagEnd::CodeBlock) => self.in_code = false,
            Event::Start(Tag::Link { .. }) => self.links += 1,
            Event::End(TagEnd::Link) => self.links = self.links.saturating_sub(1),
            _ => {}
        }
    }

    fn reads_tags(&self) -> bool {
        !self.in_code && self.links == 0
    }
}

/// What a tag names: a person (`@handle`) or a topic (`#topic`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sigil {
    Mention,
    Topic,
}

/// Where a tag stands in a text, and what it tags.
struct Tagged {
    span: std::ops::Range<usize>,
    sigil: Sigil,
}

/// The longest handle and topic name.
const MAX_TAG_CHARS: usize = 40;

/// The tags in `text`, each with its name lowercased. A handle is letters, digits and inner
/// dashes; a topic starts with a letter, then letters, digits, dashes and underscores. A sigil
/// inside a word (an email address, `C#`, a URL's `/#anchor`) tags nothing.
fn tag_spans(text: &str) -> impl Iterator<Item = (Tagged, String)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let sigil = match bytes[i] {
                b'@' => Sigil::Mention,
                b'#' => Sigil::Topic,
                _ => {
                    i += 1;
                    continue;
                }
            };
            let starts = i == 0
                || !(bytes[i - 1].is_ascii_alphanumeric() || b"_.-@#/&".contains(&bytes[i - 1]));
            let name_ok = |b: u8| {
                b.is_ascii_alphanumeric() || b == b'-' || (b == b'_' && sigil == Sigil::Topic)
            };
            let first_ok = bytes.get(i + 1).is_some_and(|&b| match sigil {
                Sigil::Mention => b.is_ascii_alphanumeric(),
                Sigil::Topic => b.is_ascii_alphabetic(),
            });
            if starts && first_ok {
                let mut end = i + 1;
                while end < bytes.len() && name_ok(bytes[end]) {
                    end += 1;
                }
                while bytes[end - 1] == b'-' || bytes[end - 1] == b'_' {
                    end -= 1;
                }
                if end - i - 1 <= MAX_TAG_CHARS {
                    let tag = Tagged {
                        span: i..end,
                        sigil,
                    };
                    let name = text[i + 1..end].to_ascii_lowercase();
                    i = end;
                    return Some((tag, name));
                }
                i = end;
                continue;
            }
            i += 1;
        }
        None
    })
}

/// Pushes `text` as events, with each `@handle` of `people` a link to their profile and each
/// `#topic` a link to its page.
fn link_tags<'a>(text: CowStr<'a>, people: &[String], events: &mut Vec<Event<'a>>) {
    let mut done = 0;
    for (tag, name) in tag_spans(&text) {
        let dest_url = match tag.sigil {
            Sigil::Mention if people.contains(&name) => format!("/people/{name}"),
            Sigil::Mention => continue,
            Sigil::Topic => format!("/topics/{name}"),
        };
        if tag.span.start > done {
            events.push(Event::Text(text[done..tag.span.start].to_string().into()));
        }
        events.push(Event::Start(Tag::Link {
            link_type: LinkType::Inline,
            dest_url: dest_url.into(),
            title: "".into(),
            id: "".into(),
        }));
        events.push(Event::Text(text[tag.span.clone()].to_string().into()));
        events.push(Event::End(TagEnd::Link));
        done = tag.span.end;
    }
    match done {
        0 => events.push(Event::Text(text)),
        _ if done < text.len() => events.push(Event::Text(text[done..].to_string().into())),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::{mentioned_handles, render, render_mentioning, topics, ALLOWED_TAGS};

    #[test]
    fn topics_are_read_from_the_text_and_link_to_their_pages() {
        let text = "Launch day! #Release-2027 and #ops_team, again #release-2027.\n\n\
                    Not C#, issue #42, [#linked](https://example.org/#anchor), `#code` or x#y.";
        assert_eq!(topics(text), vec!["release-2027", "ops_team"]);
        let html = render(text);
        assert!(
            html.contains(r#"<a href="/topics/release-2027" rel="noopener noreferrer nofollow ugc">#Release-2027</a>"#),
            "{html}"
        );
        assert!(html.contains(r#"href="/topics/ops_team""#), "{html}");
        assert_eq!(html.matches("/topics/").count(), 3, "{html}");
        assert!(topics(&format!("#{}", "a".repeat(41))).is_empty());
        assert_eq!(mentioned_handles("#topic @ada"), vec!["ada"]);
    }

    #[test]
    fn mentions_are_read_from_the_text_and_link_only_people_who_exist() {
        let text = "Thanks @ada-lovelace and @Bob! Mail ana@example.org, see `@code` and [@link](https://example.org)\n\n```\n@block\n```";
        assert_eq!(mentioned_handles(text), vec!["ada-lovelace", "bob"]);
        let html = render_mentioning(text, &["ada-lovelace".to_string()]);
        assert!(
            html.contains(r#"<a href="/people/ada-lovelace" rel="noopener noreferrer nofollow ugc">@ada-lovelace</a>"#),
            "{html}"
        );
        assert!(html.contains("@Bob!"), "unknown people stay text: {html}");
        assert!(html.contains("ana@example.org"), "{html}");
        assert_eq!(html.matches("<a ").count(), 2, "{html}");
        let hostile = render_mentioning(
            "@ada-lovelace<script>alert(1)</script>",
            &["ada-lovelace".into()],
        );
        assert!(!hostile.contains("<script"), "{hostile}");
    }

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
