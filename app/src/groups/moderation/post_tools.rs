use super::api::{moderation_of_post, PinPost, RemoveGroupPost, UnpinPost, RETURNED_PARAM};
use super::model::{PostModeration, MAX_REASON_CHARS};
use crate::groups::model::href;
use crate::ui::{submitted_error, FormError};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_router::hooks::use_query_map;

/// On a group post's own page, for the group's owners and admins: "Pin post" or "Unpin post",
/// and "Remove post" with its reason. Plain forms that come back to the page (a removal goes
/// on to the group). Nothing for anyone else.
#[component]
pub fn PostModerationTools(post_id: i64) -> impl IntoView {
    let found = OnceResource::new(moderation_of_post(post_id));
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                found.await.ok().flatten().map(|moderation| view! { <Tools post_id moderation/> })
            })}
        </Suspense>
    }
}

#[component]
fn Tools(post_id: i64, moderation: PostModeration) -> impl IntoView {
    let query = use_query_map().read_untracked();
    let kept = query.get("reason").unwrap_or_default();
    let returned = !kept.is_empty();
    let error = submitted_error().filter(|_| query.get(RETURNED_PARAM).is_some());
    let (pin_action, pin_label) = if moderation.pinned {
        (UnpinPost::url(), "Unpin post")
    } else {
        (PinPost::url(), "Pin post")
    };
    view! {
        <section class="card moderation-tools" aria-label="Group moderation">
            <p class="role">
                "You run " <a href=href(moderation.group_id)>{moderation.group_name.clone()}</a>
                {if moderation.pinned { ": this post is pinned on its page." } else { "." }}
            </p>
            <FormError message=error/>
            <form method="post" action=pin_action class="inline-form">
                <input type="hidden" name="post_id" value=post_id.to_string()/>
                <button type="submit" class="secondary">{pin_label}</button>
            </form>
            <details class="remove-post" open=returned>
                <summary>"Remove post"</summary>
                <form method="post" action=RemoveGroupPost::url()>
                    <input type="hidden" name="post_id" value=post_id.to_string()/>
                    <div class="field">
                        <label for="remove-reason">"Reason"</label>
                        <textarea id="remove-reason" name="reason" rows="2" required=true
                            maxlength=MAX_REASON_CHARS.to_string() aria-describedby="remove-reason-hint">{crate::ui::raw_text_child(kept)}</textarea>
                        <p class="hint" id="remove-reason-hint">"The post disappears for everyone. The reason and the start of the post are kept in the group's moderation trail, which its owners and admins see."</p>
                    </div>
                    <button type="submit" class="danger">"Remove post"</button>
                </form>
            </details>
        </section>
    }
}
