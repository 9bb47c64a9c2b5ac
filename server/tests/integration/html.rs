//! Pages read the way a browser and a screen reader read them: parsed HTML, found by landmark,
//! label and accessible name, never by searching the markup for a string.
use reqwest::StatusCode;
use scraper::{ElementRef, Html, Selector};

pub struct Page {
    pub status: StatusCode,
    doc: Html,
}

fn css(selector: &str) -> Selector {
    Selector::parse(selector).unwrap_or_else(|e| panic!("bad selector {selector}: {e:?}"))
}

/// An element's text as it reads: whitespace collapsed.
fn text_of(element: ElementRef) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Page {
    pub fn parse(status: StatusCode, body: &str) -> Page {
        Page {
            status,
            doc: Html::parse_document(body),
        }
    }

    fn all(&self, selector: &str) -> impl Iterator<Item = ElementRef<'_>> {
        self.doc
            .select(&css(selector))
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// The text of every element matching `selector`.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        self.all(selector).map(text_of).collect()
    }

    /// The inner HTML of every element matching `selector` (for rendered Markdown).
    pub fn inner_html(&self, selector: &str) -> Vec<String> {
        self.all(selector)
            .map(|e| e.inner_html().trim().to_string())
            .collect()
    }

    /// The markup of every element matching `selector`, itself included.
    pub fn outer_html(&self, selector: &str) -> Vec<String> {
        self.all(selector).map(|e| e.html()).collect()
    }

    /// The whole page's readable text.
    pub fn text(&self) -> String {
        self.texts("body").join(" ")
    }

    /// The element named `name` by `aria-label`, or by `aria-labelledby` pointing at an
    /// element with those words: a landmark, a section, an article.
    fn named(&self, name: &str) -> Option<ElementRef<'_>> {
        self.all("[aria-label], [aria-labelledby]").find(|e| {
            let element = e.value();
            element.attr("aria-label") == Some(name)
                || element.attr("aria-labelledby").is_some_and(|ids| {
                    let words: Vec<String> = ids
                        .split_whitespace()
                        .filter_map(|id| {
                            self.all("[id]")
                                .find(|t| t.value().id() == Some(id))
                                .map(text_of)
                        })
                        .collect();
                    words.join(" ") == name
                })
        })
    }

    /// Whether a region called `name` is there.
    pub fn has_region(&self, name: &str) -> bool {
        self.named(name).is_some()
    }

    /// The text inside the region called `name`.
    pub fn region_text(&self, name: &str) -> Option<String> {
        self.named(name).map(text_of)
    }

    /// Whether a button whose accessible name is `name` is there.
    pub fn has_button(&self, name: &str) -> bool {
        self.all("button")
            .any(|e| e.value().attr("aria-label") == Some(name) || text_of(e) == name)
            || self
                .all("input[type=submit]")
                .any(|e| e.value().attr("value") == Some(name))
    }

    /// Where the link called `name` goes.
    pub fn link(&self, name: &str) -> Option<String> {
        self.all("a[href]")
            .find(|e| e.value().attr("aria-label") == Some(name) || text_of(*e) == name)
            .and_then(|e| e.value().attr("href").map(String::from))
    }

    /// The form control labelled `label` (by `<label for>`), if there is one.
    fn control(&self, label: &str) -> Option<ElementRef<'_>> {
        let id = self
            .all("label[for]")
            .find(|e| text_of(*e) == label)?
            .value()
            .attr("for")?
            .to_string();
        self.all("input, textarea, select")
            .find(|e| e.value().id() == Some(id.as_str()))
    }

    pub fn has_field(&self, label: &str) -> bool {
        self.control(label).is_some()
    }

    /// What the field labelled `label` holds.
    pub fn field(&self, label: &str) -> Option<String> {
        let control = self.control(label)?;
        Some(if control.value().name() == "textarea" {
            control.text().collect()
        } else {
            control
                .value()
                .attr("value")
                .unwrap_or_default()
                .to_string()
        })
    }

    /// The words of the first non-empty alert (form errors are `role="alert"`).
    pub fn alert(&self) -> Option<String> {
        self.all("[role=alert]")
            .map(text_of)
            .find(|t| !t.is_empty())
    }

    /// The words of the first non-empty status message.
    pub fn status_message(&self) -> Option<String> {
        self.all("[role=status]")
            .map(text_of)
            .find(|t| !t.is_empty())
    }
}
