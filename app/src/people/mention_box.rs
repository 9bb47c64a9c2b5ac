//! The text box of the composer and the comment form, which offers people to mention: typing
//! `@` and the start of a name or handle lists matching people under the box. Arrow keys move
//! through the list, Enter or Tab puts the chosen `@handle` in the text, Escape closes it. The
//! box stays a textbox (a `textarea` may not be a combobox) that points at the list and its
//! active option, the pattern screen readers announce for autocompleting text boxes. Without
//! JavaScript it is a plain `textarea`, and `@handle` typed by hand works.
use crate::follows::model::PersonLink;
use leptos::{html, prelude::*};

/// A `textarea` named `body` with mention suggestions. `node` reads its value on submit.
#[component]
pub fn MentionBox(
    id: String,
    node: NodeRef<html::Textarea>,
    draft: String,
    maxlength: usize,
    rows: u32,
    #[prop(optional, into)] placeholder: Option<String>,
    #[prop(optional, into)] describedby: Option<String>,
) -> impl IntoView {
    let picker = Picker::new(node);
    let (people, active) = (picker.people, picker.active);
    let open = move || people.with(|p| !p.is_empty());
    let list_id = format!("{id}-people");
    let (list_for_aria, box_id) = (list_id.clone(), id.clone());
    let active_option = {
        let box_id = id.clone();
        move || open().then(|| option_id(&box_id, active.get()))
    };
    let list = move || {
        let found = people.get();
        (!found.is_empty()).then(|| {
            let options = found
                .into_iter()
                .enumerate()
                .map(|(n, person)| {
                    let label = format!("{} (@{})", person.name, person.handle);
                    view! {
                        <li
                            role="option"
                            id=option_id(&box_id, n)
                            aria-selected=move || (active.get() == n).to_string()
                            // Before the box's blur, so the choice is made while it has focus.
                            on:mousedown=move |ev| {
                                ev.prevent_default();
                                picker.choose(person.clone());
                            }
                        >
                            {label}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <ul class="mention-list" role="listbox" id=list_id.clone() aria-label="People to mention">
                    {options}
                </ul>
            }
        })
    };
    view! {
        <div class="mention-box">
            <textarea
                id=id
                name="body"
                rows=rows
                required
                maxlength=maxlength
                placeholder=placeholder
                aria-describedby=describedby
                aria-autocomplete="list"
                aria-controls=move || open().then(|| list_for_aria.clone())
                aria-activedescendant=active_option
                node_ref=node
                on:input=move |_| picker.on_input()
                on:keydown=move |ev| picker.on_keydown(ev)
                on:blur=move |_| picker.close()
            >
                {crate::ui::raw_text_child(draft)}
            </textarea>
            <span class="visually-hidden" aria-live="polite">
                {move || match people.with(Vec::len) {
                    0 => String::new(),
                    1 => "1 person to mention: up and down arrows choose, Enter mentions.".to_string(),
                    n => format!("{n} people to mention: up and down arrows choose, Enter mentions."),
                }}
            </span>
            {list}
        </div>
    }
}

/// The id of the `n`-th person offered under the box `box_id`.
fn option_id(box_id: &str, n: usize) -> String {
    format!("{box_id}-person-{n}")
}

/// Where an `@query` being typed stands: its `@` and the caret, in UTF-16 units (as the
/// browser counts them), and the query.
#[derive(Clone)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))] // read in the browser only
struct Typing {
    at: u32,
    caret: u32,
    query: String,
}

/// The box's suggestions: the people offered, the active one, the question in flight and where
/// the `@query` it asks about stands.
#[derive(Clone, Copy)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))] // the text box is read in the browser only
struct Picker {
    node: NodeRef<html::Textarea>,
    people: RwSignal<Vec<PersonLink>>,
    active: RwSignal<usize>,
    /// Answers can arrive out of order: only the latest question's is shown.
    asked: StoredValue<u64>,
    at: StoredValue<Option<Typing>>,
}

impl Picker {
    fn new(node: NodeRef<html::Textarea>) -> Picker {
        Picker {
            node,
            people: RwSignal::new(Vec::new()),
            active: RwSignal::new(0),
            asked: StoredValue::new(0),
            at: StoredValue::new(None),
        }
    }

    /// Closes the list, and forgets the question in flight so its answer does not open it.
    fn close(self) {
        self.asked.update_value(|n| *n += 1);
        self.people.set(Vec::new());
        self.at.set_value(None);
    }

    /// After each change to the text: asks who matches the `@query` at the caret, if any.
    fn on_input(self) {
        #[cfg(feature = "hydrate")]
        {
            let Some(now) = self.node.get_untracked().and_then(|b| typing(&b)) else {
                return self.close();
            };
            let query = now.query.clone();
            self.at.set_value(Some(now));
            self.asked.update_value(|n| *n += 1);
            let question = self.asked.get_value();
            leptos::task::spawn_local(async move {
                let found = super::api::mention_candidates(query).await;
                if self.asked.try_get_value() != Some(question) {
                    return;
                }
                self.active.set(0);
                self.people.set(found.unwrap_or_default());
            });
        }
    }

    /// Puts `@handle ` in place of the `@query`, with the caret after it.
    fn choose(self, person: PersonLink) {
        #[cfg(feature = "hydrate")]
        {
            let (Some(box_), Some(typed)) = (self.node.get_untracked(), self.at.get_value()) else {
                return;
            };
            let units: Vec<u16> = box_.value().encode_utf16().collect();
            let head = String::from_utf16_lossy(&units[..typed.at as usize]);
            let tail = String::from_utf16_lossy(&units[(typed.caret as usize).min(units.len())..]);
            let mention = format!("@{} ", person.handle);
            let caret = typed.at + mention.encode_utf16().count() as u32;
            box_.set_value(&format!("{head}{mention}{tail}"));
            let _ = box_.set_selection_range(caret, caret);
        }
        let _ = person;
        self.close();
    }

    /// While the list is open: arrows move, Enter or Tab chooses, Escape closes.
    fn on_keydown(self, ev: leptos::ev::KeyboardEvent) {
        let count = self.people.with_untracked(Vec::len);
        if count == 0 {
            return;
        }
        match ev.key().as_str() {
            "ArrowDown" => self.active.update(|n| *n = (*n + 1) % count),
            "ArrowUp" => self.active.update(|n| *n = (*n + count - 1) % count),
            "Enter" | "Tab" => {
                let active = self.active.get_untracked();
                if let Some(person) = self.people.with_untracked(|p| p.get(active).cloned()) {
                    self.choose(person);
                }
            }
            "Escape" => self.close(),
            _ => return,
        }
        ev.prevent_default();
    }
}

/// The `@query` that ends at the caret, if one does: an `@` at the start or after a space or
/// punctuation, then up to 40 letters, digits or dashes.
#[cfg(feature = "hydrate")]
fn typing(box_: &web_sys::HtmlTextAreaElement) -> Option<Typing> {
    let caret = box_.selection_start().ok().flatten()?;
    let units: Vec<u16> = box_.value().encode_utf16().take(caret as usize).collect();
    let before = String::from_utf16_lossy(&units);
    let at = before.rfind('@')?;
    let query = &before[at + 1..];
    let plain = query.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let starts = before[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !(c.is_alphanumeric() || "_.-@".contains(c)));
    (plain && starts && !query.is_empty() && query.len() <= 40).then(|| Typing {
        at: before[..at].encode_utf16().count() as u32,
        caret,
        query: query.to_string(),
    })
}
