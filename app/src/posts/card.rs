use super::model::PostView;
use crate::ui::{Avatar, Timestamp};
use leptos::prelude::*;
use leptos_router::components::A;

/// One post: author, time (a permalink), and its sanitized HTML.
#[component]
pub fn PostCard(post: PostView) -> impl IntoView {
    let author_id = format!("post-{}-author", post.id);
    let author_link_id = author_id.clone();
    view! {
        <article class="post" aria-labelledby=author_id.clone()>
            <header class="post-header">
                <Avatar name=post.author_name.clone() handle=post.author_handle.clone()/>
                <div class="post-meta">
                    <A href=format!("/people/{}", post.author_handle) attr:id=author_link_id attr:class="author">
                        {post.author_name}
                    </A>
                    <A href=format!("/posts/{}", post.id) attr:class="post-time">
                        <Timestamp ms=post.created_at/>
                    </A>
                </div>
            </header>
            // Rendered from Markdown and cleaned by the allowlist sanitizer on the server.
            <div class="post-body" inner_html=post.body_html></div>
        </article>
    }
}

#[component]
pub fn PostList(posts: Vec<PostView>) -> impl IntoView {
    posts
        .into_iter()
        .map(|post| view! { <PostCard post/> })
        .collect_view()
}
