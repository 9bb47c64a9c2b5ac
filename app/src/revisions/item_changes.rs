//! What every changeable item shows: the "edited" marker, and "Edit" and "Delete" for those who
//! may change it.
use super::model::{delete_href, edit_href, history_href, Edited};
use crate::conversations::model::Item;
use leptos::prelude::*;

/// " · edited" (a link to the item's history), with " by a moderator" when an administrator
/// made the last edit. (A live edit writes the same markup: `revisions::live`.)
#[component]
pub fn EditedMarker(item: Item, edited: Option<Edited>) -> impl IntoView {
    edited.map(|edited| {
        view! {
            <span class="edited-marker" id=format!("{}-edited", item.key())>
                " · "
                <a href=history_href(item)>"edited"</a>
                {edited.by_moderator.then_some(" by a moderator")}
            </span>
        }
    })
}

/// "Edit" and "Delete": buttons of small GET forms that open the item's edit page and its
/// confirmation page, with or without JavaScript. Authors see them on their items everywhere;
/// administrators, who may change anything, on the post's own page (`full`), so feed cards
/// stay uncluttered.
#[component]
pub fn ItemActions(item: Item, author_id: i64, viewer_id: i64, full: bool) -> impl IntoView {
    let moderating = full && crate::ui::is_moderator();
    let shown = crate::policy::can_change(viewer_id, moderating, author_id);
    shown.then(|| {
        view! {
            <form method="get" action=edit_href(item) class="item-action">
                <button type="submit" class="link">"Edit"</button>
            </form>
            <form method="get" action=delete_href(item) class="item-action">
                <button type="submit" class="link">"Delete"</button>
            </form>
        }
    })
}
