use super::model::PostView;
use crate::conversations::model::Item;
use crate::revisions::{EditedMarker, ItemActions};
use crate::ui::{Avatar, Timestamp};
use leptos::prelude::*;

/// One post: author, time (a permalink), its sanitized HTML, and its conversation (an island).
/// Rendered on the server, and in the browser for posts the feed island adds (so plain links,
/// not the router's). `full` is the post's own page, with every comment.
#[component]
pub fn PostCard(post: PostView, viewer_id: i64, #[prop(optional)] full: bool) -> impl IntoView {
    let author_id = format!("post-{}-author", post.id);
    let author_link_id = author_id.clone();
    let item = Item::post(post.id);
    view! {
        <article class="post" id=item.key() aria-labelledby=author_id.clone()>
            <header class="post-header">
                <Avatar name=post.author_name.clone() handle=post.author_handle.clone() photo=post.author_photo/>
                <div class="post-meta">
                    <a href=format!("/people/{}", post.author_handle) id=author_link_id class="author">
                        {post.author_name}
                    </a>
                    {post.group.map(|group| view! {
                        <span class="post-group">
                            "in "
                            <a href=crate::groups::model::href(group.id)>{group.name}</a>
                        </span>
                    })}
                    <a href=format!("/posts/{}", post.id) class="post-time">
                        <Timestamp ms=post.created_at/>
                    </a>
                    <EditedMarker item edited=post.edited/>
                </div>
                <div class="post-actions">
                    <ItemActions item author_id=post.author_id viewer_id full/>
                </div>
            </header>
            {post.title.map(|title| view! {
                <h2 class="post-title">
                    <span class="post-kind">{post.kind.label()}</span>
                    {(post.accepted.is_some()).then(|| view! { <span class="badge answered">"Answered"</span> })}
                    <a href=format!("/posts/{}", post.id)>{title}</a>
                </h2>
            })}
            // Rendered from Markdown and cleaned by the allowlist sanitizer on the server.
            <div class="post-body" id=format!("{}-body", item.key()) inner_html=post.body_html></div>
            <crate::conversations::Conversation
                post_id=post.id
                viewer_id
                conversation=post.conversation
                full
                returned=crate::conversations::form_return()
            />
        </article>
    }
}

/// A card the feed's island adds in the browser: a post that arrived live, one the viewer just
/// wrote, or one "Load more" brought.
///
/// Lazy (`#[lazy]`): the browser fetches the code that renders cards, which no page needs until
/// such a card is shown, on the first call rather than with every page
/// (`cargo leptos build --split`).
#[lazy]
pub fn added_card(post: PostView, viewer_id: i64) -> AnyView {
    view! { <PostCard post viewer_id/> }.into_any()
}

/// Cards rendered on the server: those kept from an earlier page where they read the same
/// (`card_cache`).
#[component]
pub fn PostList(posts: Vec<PostView>, viewer_id: i64) -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        super::card_cache::cards(posts, viewer_id, |post| {
            view! { <PostCard post viewer_id/> }.to_html()
        })
    }
    #[cfg(not(feature = "ssr"))]
    {
        posts
            .into_iter()
            .map(|post| view! { <PostCard post viewer_id/> })
            .collect_view()
    }
}
