//! What every changeable item shows: the "edited" marker, and "Edit" and "Delete" for those who
//! may change it.
use super::model::{delete_href, edit_href, history_href, Edited};
use crate::conversations::model::Item;
use leptos::prelude::*;

/// " · edited" (a link to the item's history), with " by a moderator" when an administrator
/// made the last edit. Always there, empty until the item is edited, so a live edit has a
/// place to show it (`#post-12-edited`).
#[component]
pub fn EditedMarker(item: Item, edited: Option<Edited>) -> impl IntoView {
    view! {
        <span class="edited-marker" id=format!("{}-edited", item.key())>
            {edited.map(|edited| view! {
                " · "
                <a href=history_href(item)>"edited"</a>
                {edited.by_moderator.then_some(" by a moderator")}
            })}
        </span>
    }
}

/// "Edit" and "Delete" for the author or an administrator: buttons of small GET forms that
/// open the item's edit page and its confirmation page, with or without JavaScript.
#[component]
pub fn ItemActions(item: Item, author_id: i64, viewer_id: i64) -> impl IntoView {
    let shown = crate::policy::can_change(viewer_id, crate::ui::is_moderator(), author_id);
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
