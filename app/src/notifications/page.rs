use super::api::{notifications, MarkAllRead};
use super::model::{Notice, NoticesPage};
use crate::error::AppError;
use crate::ui::{submitted_error, Avatar, FormError, RequireSignIn, Timestamp};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

/// `/notifications`: what happened that concerns the person, newest first, each linking to the
/// exact item; "Mark all as read"; `?before=` pages back.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    view! {
        <Title text="Notifications"/>
        <RequireSignIn>
            <Notices/>
        </RequireSignIn>
    }
}

#[component]
fn Notices() -> impl IntoView {
    let before = crate::ui::url::before_param();
    let page = OnceResource::new(notifications(before));
    view! {
        <h1 class="page-title">"Notifications"</h1>
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <NoticeList page/> }.into_any(),
                    Err(AppError::NotFound) => view! { <crate::ui::NotFound/> }.into_any(),
                    Err(error) => view! { <crate::ui::ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NoticeList(page: NoticesPage) -> impl IntoView {
    let NoticesPage {
        notices,
        next,
        unread,
    } = page;
    let empty = notices.is_empty();
    view! {
        <section class="card" aria-label="Your notifications">
            {(unread > 0).then(|| view! {
                <form method="post" action=MarkAllRead::url() class="mark-read">
                    <FormError message=submitted_error()/>
                    <button type="submit" class="secondary">"Mark all as read"</button>
                </form>
            })}
            {empty.then(|| view! {
                <div class="empty">
                    <h2>"Nothing yet"</h2>
                    <p>"When colleagues comment on your posts, reply to your comments, mention you, react to what you wrote or start following you, it shows here."</p>
                </div>
            })}
            <ol class="notices">
                {notices.into_iter().map(|notice| view! { <NoticeLine notice/> }).collect_view()}
            </ol>
            {next.map(|before| view! {
                <a class="button secondary load-more" href=format!("/notifications?before={before}")>"Older notifications"</a>
            })}
        </section>
    }
}

#[component]
fn NoticeLine(notice: Notice) -> impl IntoView {
    let (href, what, others) = (notice.href(), notice.what(), notice.and_others());
    view! {
        <li class="notice-line" class:unread=notice.unread>
            <Avatar name=notice.actor_name.clone() handle=notice.actor_handle.clone() photo=notice.actor_photo shown=40/>
            <div class="notice-main">
                <a href=href>
                    {notice.unread.then(|| view! { <span class="visually-hidden">"Unread: "</span> })}
                    <strong>{notice.actor_name}</strong>
                    {others}
                    " "
                    {what}
                </a>
                {notice.detail.map(|detail| view! { <p class="notice-detail">"Reason: " {detail}</p> })}
                <p class="notice-time"><Timestamp ms=notice.created_at/></p>
            </div>
        </li>
    }
}
