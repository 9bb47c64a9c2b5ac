use super::api::{group, AskToJoin, InviteToGroup, JoinGroup, LeaveGroup};
use super::directory_page::{cover_style, InvitationAnswer};
use super::model::{group_reach, href, members_label, AudienceChoice, GroupView, Standing};
use super::moderation::model::trail_href;
use crate::error::AppError;
use crate::posts::{model::FeedView, LiveFeed, PostList};
use crate::questions::{model::QuestionFilter, FilterLinks, QuestionPosts};
use crate::ui::{submitted_error, FormError, RequireSignIn};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/groups/{id}`: what the group is, where the viewer stands with it (join, ask, accept an
/// invitation, leave, invite), and its posts for those who may read them. A group the viewer
/// may not know is not found.
#[component]
pub fn GroupPage() -> impl IntoView {
    view! {
        <RequireSignIn>
            <GroupLoader/>
        </RequireSignIn>
    }
}

/// The page's group id, if its address has one.
pub(crate) fn group_id_param() -> Option<i64> {
    crate::ui::url::route_param("id").parse().ok()
}

#[component]
fn GroupLoader() -> impl IntoView {
    let id = group_id_param();
    let before = crate::ui::url::before_param();
    let filter = use_query_map().read_untracked().get("filter");
    let found = OnceResource::new(async move {
        match id {
            Some(id) => group(id, filter, before).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(group) => view! { <GroupDetails group is_start=before.is_none()/> }.into_any(),
                    Err(AppError::NotFound) => view! { <crate::ui::NotFound/> }.into_any(),
                    Err(error) => view! { <crate::ui::ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn GroupDetails(group: GroupView, is_start: bool) -> impl IntoView {
    let GroupView {
        summary,
        about_html,
        standing,
        filter,
        pinned,
        posts,
        requests,
    } = group;
    let id = summary.id;
    let query = use_query_map().read_untracked();
    let error = submitted_error();
    let member = standing.role.is_some();
    let readable = posts.is_some();
    let audiences = if member {
        vec![AudienceChoice {
            value: id.to_string(),
            label: summary.name.clone(),
            reach: group_reach(&summary.name, summary.visibility, summary.members),
        }]
    } else {
        Vec::new()
    };
    view! {
        <Title text=summary.name.clone()/>
        <section class="card group-header" aria-labelledby="group-name">
            <div class="group-cover wide" style=cover_style(id) aria-hidden="true"></div>
            <h1 id="group-name">{summary.name.clone()}</h1>
            {(!summary.description.is_empty()).then(|| view! { <p class="group-description">{summary.description.clone()}</p> })}
            <p class="role">
                {format!("{} group · {}", summary.visibility.label(), members_label(summary.members))}
                {standing.role.map(|role| format!(" · You are {}", role_phrase(role)))}
            </p>
            {(!about_html.is_empty()).then(|| view! {
                // Rendered from Markdown and cleaned by the allowlist sanitizer on the server.
                <div class="group-about" inner_html=about_html></div>
            })}
            <nav class="group-links" aria-label="Group">
                {readable.then(|| view! { <a href=format!("{}/members", href(id))>"Members"</a> })}
                {standing.role.is_some_and(|r| r.manages()).then(|| view! {
                    <a href=format!("{}/requests", href(id))>"Requests"</a>
                    {(requests > 0).then(|| view! { <span class="badge">{requests.to_string()}<span class="visually-hidden">" waiting"</span></span> })}
                    <a href=format!("{}/edit", href(id))>"Edit group"</a>
                    <a href=trail_href(id)>"Moderation"</a>
                })}
            </nav>
            <MembershipActions id standing/>
            {member.then(|| view! { <InviteForm id kept=query.get("invitees").unwrap_or_default()/> })}
            <FormError message=error.clone()/>
        </section>
        {posts.is_some().then(|| view! {
            <FilterLinks base=href(id) current=filter label="Group posts shown"/>
        })}
        {match posts {
            Some(page) if filter != QuestionFilter::All => {
                let empty = match filter {
                    QuestionFilter::Unanswered => "No unanswered questions in this group.",
                    _ => "No answered questions in this group yet.",
                };
                view! { <QuestionPosts base=href(id) filter page empty/> }.into_any()
            }
            Some(page) => {
                let viewer_id = crate::ui::viewer_id();
                view! {
                    <PinnedPosts posts=pinned viewer_id/>
                    <LiveFeed
                        view=FeedView::Group(id)
                        audiences
                        viewer_id
                        moderator=crate::ui::is_moderator()
                        first_ids=page.posts.iter().map(|p| p.id).collect()
                        next=page.next
                        live_after=page.live_after
                        is_start
                        draft=crate::posts::returned_draft()
                        error=None
                    >
                        <PostList posts=page.posts viewer_id/>
                    </LiveFeed>
                }.into_any()
            }
            None => view! {
                <p class="card empty">"Only members see this group’s posts and members."</p>
            }.into_any(),
        }}
    }
}

/// The group's pinned posts, first and marked, on its page's first page.
#[component]
fn PinnedPosts(posts: Vec<crate::posts::model::PostView>, viewer_id: i64) -> impl IntoView {
    (!posts.is_empty()).then(|| {
        view! {
            <section class="pinned-posts" aria-labelledby="pinned-title">
                <h2 id="pinned-title" class="pinned-title">"Pinned posts"</h2>
                <PostList posts viewer_id/>
            </section>
        }
    })
}

fn role_phrase(role: super::model::Role) -> &'static str {
    match role {
        super::model::Role::Owner => "an owner",
        super::model::Role::Admin => "an admin",
        super::model::Role::Member => "a member",
    }
}

/// What the viewer can do about belonging to the group: accept or decline an invitation, join,
/// ask to join (or see that they asked), or leave. Plain forms that come back to the page.
#[component]
fn MembershipActions(id: i64, standing: Standing) -> impl IntoView {
    let form = move |action: String, label: &'static str, class: &'static str| {
        view! {
            <form method="post" action=action>
                <input type="hidden" name="id" value=id.to_string()/>
                <button type="submit" class=class>{label}</button>
            </form>
        }
    };
    let view = if standing.invited && standing.role.is_none() {
        view! { <InvitationAnswer id/> }.into_any()
    } else if standing.role.is_some() {
        form(LeaveGroup::url().to_string(), "Leave group", "secondary").into_any()
    } else if crate::policy::may_join_group(standing) {
        form(JoinGroup::url().to_string(), "Join group", "").into_any()
    } else if crate::policy::may_ask_to_join(standing) {
        form(AskToJoin::url().to_string(), "Ask to join", "").into_any()
    } else if standing.requested {
        view! {
            <p class="role" role="status">"You asked to join. An admin of the group will answer."</p>
            {form(LeaveGroup::url().to_string(), "Withdraw request", "secondary")}
        }
        .into_any()
    } else {
        ().into_any()
    };
    view! { <div class="actions membership">{view}</div> }
}

/// "Invite people": colleagues' names, handles or emails, separated by commas.
#[component]
fn InviteForm(id: i64, kept: String) -> impl IntoView {
    let open = !kept.is_empty();
    view! {
        <details class="invite-people" open=open>
            <summary>"Invite people"</summary>
            <form method="post" action=InviteToGroup::url()>
                <input type="hidden" name="id" value=id.to_string()/>
                <div class="field">
                    <label for="group-invitees">"Invite people"</label>
                    <input id="group-invitees" name="invitees" type="text" value=kept autocomplete="off"
                        aria-describedby="group-invitees-hint"/>
                    <p class="hint" id="group-invitees-hint">"Names, handles (like @ada) or emails, separated by commas. They see the invitation on this page and in Groups."</p>
                </div>
                <button type="submit">"Send invitations"</button>
            </form>
        </details>
    }
}
