//! Edits and deletions arriving live on server-rendered items: the page's HTML is changed in
//! place (these parts of the page are not reactive, and re-rendering them would send every item
//! to the browser twice). Items an island rendered itself are changed through its signals.
use super::model::{history_href, Edited};
use crate::conversations::model::{Item, ItemKind};
use leptos::prelude::document;

/// Shows an item's new text and its "edited" marker (as `revisions::EditedMarker` renders it).
/// `body_html` was rendered from Markdown and cleaned by the allowlist sanitizer on the
/// server, as the page's own HTML was.
pub fn show_edit(item: Item, body_html: &str, edited: Edited) {
    let page = document();
    if let Some(body) = page.get_element_by_id(&format!("{}-body", item.key())) {
        body.set_inner_html(body_html);
    }
    let by = if edited.by_moderator {
        " by a moderator"
    } else {
        ""
    };
    let marker = format!(
        "<span class=\"edited-marker\" id=\"{}-edited\"> · <a href=\"{}\">edited</a>{by}</span>",
        item.key(),
        history_href(item)
    );
    if let Some(old) = page.get_element_by_id(&format!("{}-edited", item.key())) {
        old.set_outer_html(&marker);
    } else if let Some(meta) = page.get_element_by_id(&item.key()).and_then(|element| {
        element
            .query_selector(".post-meta, .comment-meta")
            .ok()
            .flatten()
    }) {
        let _ = meta.insert_adjacent_html("beforeend", &marker);
    }
}

/// Takes a deleted item off the page: a post leaves a line saying so, a comment with replies
/// stays as "This comment was removed" (as `conversations::RemovedComment` renders it), any
/// other comment goes.
pub fn show_deleted(item: Item, kept: bool) {
    let Some(element) = document().get_element_by_id(&item.key()) else {
        return;
    };
    match (item.kind, kept) {
        (ItemKind::Post, _) => {
            element.set_inner_html("<p class=\"post-removed\">This post was deleted.</p>")
        }
        (ItemKind::Comment, true) => element.set_inner_html(
            "<div class=\"comment-main\"><p class=\"comment-removed\">This comment was removed</p></div>",
        ),
        (ItemKind::Comment, false) => element.remove(),
    }
}
