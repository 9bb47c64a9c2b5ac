//! Running a group: pinning posts (shown first on its page), removing one with a reason kept in
//! the moderation trail, editing the group (a new visibility applies at once), and invitations
//! told as notifications; as server functions and as plain HTML pages.
use crate::groups::{create, group};
use crate::support::*;
use app::error::AppError;
use app::groups::api::{
    DeclineInvitation, EditGroup, GroupForEditing, InviteToGroup, JoinGroup, LeaveGroup,
    SetMemberRole,
};
use app::groups::model::{GroupView, Visibility};
use app::groups::moderation::api::{
    GroupModeration, ModerationOfPost, PinPost, RemoveGroupPost, UnpinPost,
};
use app::groups::moderation::model::Action;
use app::notifications::api::Notifications;
use app::notifications::model::NoticeKind;
use app::posts::api::{CreatePost, GetPost};
use reqwest::StatusCode;

async fn post_in(person: &Person, id: Option<i64>, body: &str) -> i64 {
    person
        .run(CreatePost {
            body: body.into(),
            audience: id.map(|id| id.to_string()),
            kind: None,
            title: String::new(),
            idempotency_key: None,
        })
        .await
        .expect("posted")
        .id
}

async fn get_post(person: &Visitor, id: i64) -> Result<app::posts::model::PostView, AppError> {
    person
        .read(GetPost {
            id,
            after_thread: None,
            after_id: None,
        })
        .await
}

fn ids(group: &GroupView) -> (Vec<i64>, Vec<i64>) {
    let pinned = group.pinned.iter().map(|p| p.id).collect();
    let rest = group
        .posts
        .as_ref()
        .map(|page| page.posts.iter().map(|p| p.id).collect())
        .unwrap_or_default();
    (pinned, rest)
}

#[tokio::test]
async fn admins_pin_and_remove_posts_with_a_reason_kept_in_the_trail() {
    let app = TestApp::spawn().await;
    let owner = app.person_after_setup("Olga Owner").await;
    let bob = app.person("Bob Baker").await;
    let dave = app.person("Dave Outsider").await;
    let guild = create(&owner, "Design Guild", Visibility::Public).await;
    bob.run(JoinGroup { id: guild }).await.unwrap();
    let mut posts = Vec::new();
    for n in 1..=5 {
        posts.push(post_in(&bob, Some(guild), &format!("Guild post {n}")).await);
    }
    let everyone = post_in(&bob, None, "For everyone").await;

    // A member does not run the group: no tools, and pinning is refused.
    assert_eq!(
        bob.read(ModerationOfPost { post_id: posts[0] })
            .await
            .unwrap(),
        None
    );
    let refused = bob.run(PinPost { post_id: posts[0] }).await.unwrap_err();
    assert!(matches!(refused, AppError::Forbidden(_)), "{refused:?}");
    let refused = owner.run(PinPost { post_id: everyone }).await.unwrap_err();
    assert!(matches!(refused, AppError::Forbidden(_)), "{refused:?}");

    // The owner pins the oldest post: it shows first, and not again among the rest.
    let tools = owner
        .read(ModerationOfPost { post_id: posts[0] })
        .await
        .unwrap()
        .expect("the owner runs the group");
    assert_eq!(tools.group_id, guild);
    assert!(!tools.pinned);
    owner.run(PinPost { post_id: posts[0] }).await.unwrap();
    let (pinned, rest) = ids(&group(&dave, guild).await.unwrap());
    assert_eq!(pinned, vec![posts[0]], "a public group's pins show to all");
    assert_eq!(rest, vec![posts[4], posts[3], posts[2], posts[1]]);
    assert!(
        owner
            .read(ModerationOfPost { post_id: posts[0] })
            .await
            .unwrap()
            .unwrap()
            .pinned
    );

    // Three pins at most; an admin (not only an owner) pins and unpins.
    owner.run(PinPost { post_id: posts[1] }).await.unwrap();
    owner
        .run(SetMemberRole {
            id: guild,
            person: bob.id(),
            role: "admin".into(),
        })
        .await
        .unwrap();
    bob.run(PinPost { post_id: posts[2] }).await.unwrap();
    let full = bob.run(PinPost { post_id: posts[3] }).await.unwrap_err();
    assert!(matches!(full, AppError::Invalid(_)), "{full:?}");
    bob.run(UnpinPost { post_id: posts[1] }).await.unwrap();
    let (pinned, rest) = ids(&group(&dave, guild).await.unwrap());
    assert_eq!(pinned, vec![posts[2], posts[0]]);
    assert_eq!(rest, vec![posts[4], posts[3], posts[1]]);

    // Removing needs a reason; the post is gone for everyone, pinned or not.
    let no_reason = owner
        .run(RemoveGroupPost {
            post_id: posts[2],
            reason: "  ".into(),
        })
        .await
        .unwrap_err();
    assert!(matches!(no_reason, AppError::Invalid(_)), "{no_reason:?}");
    assert!(get_post(&dave, posts[2]).await.is_ok(), "nothing removed");
    owner
        .run(RemoveGroupPost {
            post_id: posts[2],
            reason: "Shared a customer's contract by mistake".into(),
        })
        .await
        .unwrap();
    assert_eq!(
        get_post(&dave, posts[2]).await.unwrap_err(),
        AppError::NotFound
    );
    // Its author is told why.
    let told = bob.read(Notifications { before: None }).await.unwrap();
    let removal = &told.notices[0];
    assert_eq!(removal.kind, NoticeKind::Removed);
    assert_eq!(
        removal.text(),
        "Olga Owner removed your post from Design Guild"
    );
    assert_eq!(
        removal.detail.as_deref(),
        Some("Shared a customer's contract by mistake")
    );
    assert_eq!(removal.href(), format!("/groups/{guild}"));
    let (pinned, _) = ids(&group(&dave, guild).await.unwrap());
    assert_eq!(pinned, vec![posts[0]]);
    let again = owner
        .run(RemoveGroupPost {
            post_id: posts[2],
            reason: "Twice".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(again, AppError::NotFound);

    // The trail, newest first, for the group's owners and admins alone.
    let trail = owner
        .read(GroupModeration {
            id: guild,
            before: None,
        })
        .await
        .unwrap();
    let actions: Vec<Action> = trail.entries.iter().map(|e| e.action).collect();
    assert_eq!(
        actions,
        vec![
            Action::Remove,
            Action::Unpin,
            Action::Pin,
            Action::Pin,
            Action::Pin
        ]
    );
    let removed = &trail.entries[0];
    assert_eq!(removed.actor.name, "Olga Owner");
    assert_eq!(removed.what(), "removed a post by Bob Baker");
    assert_eq!(removed.reason, "Shared a customer's contract by mistake");
    assert_eq!(removed.excerpt, "Guild post 3");
    assert_eq!(trail.entries[1].actor.name, "Bob Baker");
    assert!(bob
        .read(GroupModeration {
            id: guild,
            before: None
        })
        .await
        .is_ok());
    let refused = dave
        .read(GroupModeration {
            id: guild,
            before: None,
        })
        .await
        .unwrap_err();
    assert!(matches!(refused, AppError::Forbidden(_)), "{refused:?}");
}

#[tokio::test]
async fn admins_edit_the_group_and_a_new_visibility_applies_at_once() {
    let app = TestApp::spawn().await;
    let owner = app.person_after_setup("Olga Owner").await;
    let bob = app.person("Bob Baker").await;
    let dave = app.person("Dave Outsider").await;
    let guild = create(&owner, "Design Guild", Visibility::Public).await;
    bob.run(JoinGroup { id: guild }).await.unwrap();
    let post = post_in(&bob, Some(guild), "Open to all, for now").await;
    assert!(get_post(&dave, post).await.is_ok());

    let refused = bob.read(GroupForEditing { id: guild }).await.unwrap_err();
    assert!(matches!(refused, AppError::Forbidden(_)), "{refused:?}");
    let form = owner.read(GroupForEditing { id: guild }).await.unwrap();
    assert_eq!(form.name, "Design Guild");
    assert_eq!(form.visibility, Visibility::Public);
    let edit = |name: &str, visibility: Visibility| EditGroup {
        id: guild,
        name: name.into(),
        description: "Pixels and type".into(),
        about: "We meet on **Thursdays**.".into(),
        visibility: visibility.key().into(),
    };
    let refused = owner.run(edit(" ", Visibility::Private)).await.unwrap_err();
    assert!(matches!(refused, AppError::Invalid(_)), "{refused:?}");
    assert_eq!(
        group(&dave, guild).await.unwrap().summary.name,
        "Design Guild",
        "a refused edit changes nothing"
    );
    let refused = bob
        .run(edit("Taken over", Visibility::Public))
        .await
        .unwrap_err();
    assert!(matches!(refused, AppError::Forbidden(_)), "{refused:?}");

    owner
        .run(edit("Design Circle", Visibility::Private))
        .await
        .unwrap();
    let seen = group(&dave, guild).await.unwrap();
    assert_eq!(seen.summary.name, "Design Circle");
    assert_eq!(seen.summary.visibility, Visibility::Private);
    assert!(seen.posts.is_none(), "a private group is read by members");
    assert_eq!(get_post(&dave, post).await.unwrap_err(), AppError::NotFound);
    assert!(get_post(&bob, post).await.is_ok());
    let seen = group(&bob, guild).await.unwrap();
    assert!(seen.about_html.contains("<strong>Thursdays</strong>"));

    owner
        .run(edit("Design Circle", Visibility::Secret))
        .await
        .unwrap();
    assert_eq!(group(&dave, guild).await.unwrap_err(), AppError::NotFound);
    let trail = owner
        .read(GroupModeration {
            id: guild,
            before: None,
        })
        .await
        .unwrap();
    assert_eq!(trail.entries.len(), 2);
    assert_eq!(trail.entries[0].what(), "edited the group");
}

#[tokio::test]
async fn an_invitation_is_a_notification_that_leads_to_the_group() {
    let app = TestApp::spawn().await;
    let owner = app.person_after_setup("Olga Owner").await;
    let cara = app.person("Cara Diaz").await;
    let bob = app.person("Bob Baker").await;
    let falcon = create(&owner, "Project Falcon", Visibility::Secret).await;
    let guild = create(&owner, "Design Guild", Visibility::Private).await;
    for id in [falcon, guild] {
        owner
            .run(InviteToGroup {
                id,
                invitees: format!("@{}", cara.viewer.handle),
            })
            .await
            .unwrap();
    }

    let notices = cara.read(Notifications { before: None }).await.unwrap();
    assert_eq!(notices.unread, 2);
    let texts: Vec<String> = notices.notices.iter().map(|n| n.text()).collect();
    assert_eq!(
        texts,
        vec![
            "Olga Owner invited you to Design Guild",
            "Olga Owner invited you to Project Falcon"
        ]
    );
    assert!(notices
        .notices
        .iter()
        .all(|n| n.kind == NoticeKind::Invited));
    assert_eq!(notices.notices[1].href(), format!("/groups/{falcon}"));
    let bobs = bob.read(Notifications { before: None }).await.unwrap();
    assert!(
        bobs.notices.is_empty(),
        "nobody else hears of a secret group"
    );

    // Declining takes the invitation's notification away; accepting keeps it.
    cara.run(DeclineInvitation { id: falcon }).await.unwrap();
    cara.run(JoinGroup { id: guild }).await.unwrap();
    let notices = cara.read(Notifications { before: None }).await.unwrap();
    let texts: Vec<String> = notices.notices.iter().map(|n| n.text()).collect();
    assert_eq!(texts, vec!["Olga Owner invited you to Design Guild"]);
    let (status, html) = cara.page("/notifications").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("Falcon"));

    // Someone who leaves a secret group may no longer know it: its invitation is not listed.
    let skunkworks = create(&owner, "Skunkworks", Visibility::Secret).await;
    owner
        .run(InviteToGroup {
            id: skunkworks,
            invitees: format!("@{}", cara.viewer.handle),
        })
        .await
        .unwrap();
    cara.run(JoinGroup { id: skunkworks }).await.unwrap();
    let notices = cara.read(Notifications { before: None }).await.unwrap();
    assert_eq!(
        notices.notices[0].text(),
        "Olga Owner invited you to Skunkworks"
    );
    cara.run(LeaveGroup { id: skunkworks }).await.unwrap();
    let notices = cara.read(Notifications { before: None }).await.unwrap();
    assert!(notices
        .notices
        .iter()
        .all(|n| n.group.as_ref().is_none_or(|g| g.id != skunkworks)));
}

#[tokio::test]
async fn moderation_works_as_plain_html_forms() {
    let app = TestApp::spawn().await;
    let owner = app.person_after_setup("Olga Owner").await;
    let bob = app.person("Bob Baker").await;
    let guild = create(&owner, "Design Guild", Visibility::Private).await;
    owner
        .run(InviteToGroup {
            id: guild,
            invitees: format!("@{}", bob.viewer.handle),
        })
        .await
        .unwrap();
    bob.run(JoinGroup { id: guild }).await.unwrap();
    let post = post_in(&bob, Some(guild), "<script>alert(1)</script> Pin me").await;
    let doomed = post_in(&bob, Some(guild), "Off topic").await;
    let (group_path, post_path) = (format!("/groups/{guild}"), format!("/posts/{post}"));

    let page = bob.open(&post_path).await;
    assert!(!page.has_region("Group moderation"), "members get no tools");
    let page = owner.open(&group_path).await;
    assert!(page.link("Edit group").is_some());
    assert!(page.link("Moderation").is_some());
    assert!(!page.has_region("Pinned posts"));

    let page = owner.open(&post_path).await;
    assert!(page.has_region("Group moderation"));
    assert!(page.has_button("Pin post"));
    assert!(page.has_field("Reason"));
    assert!(page.has_button("Remove post"));
    let response = owner
        .submit_form(&post_path, "pin_post", &[("post_id", &post.to_string())])
        .await;
    assert_eq!(location(&response), post_path);
    let page = owner.open(&post_path).await;
    assert!(page.has_button("Unpin post"));
    let page = bob.open(&group_path).await;
    let pinned = page.region_text("Pinned posts").expect("pinned first");
    assert!(pinned.contains("Pin me"), "{pinned}");

    // A removal without a reason comes back to the post, saying why, next to the form.
    let doomed_path = format!("/posts/{doomed}");
    let response = owner
        .submit_form(
            &doomed_path,
            "remove_group_post",
            &[("post_id", &doomed.to_string()), ("reason", " ")],
        )
        .await;
    let back = location(&response);
    assert!(back.contains("error=moderation-reason-missing"), "{back}");
    let page = owner.open(&back).await;
    assert_eq!(
        page.region_text("Group moderation")
            .map(|text| text.contains("Say why the post is removed")),
        Some(true)
    );
    let response = owner
        .submit_form(
            &doomed_path,
            "remove_group_post",
            &[
                ("post_id", &doomed.to_string()),
                ("reason", "Not for this group"),
            ],
        )
        .await;
    assert_eq!(location(&response), group_path);
    let (status, _) = bob.page(&doomed_path).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let page = owner.open(&format!("{group_path}/moderation")).await;
    let text = page.region_text("Moderation trail").expect("the trail");
    assert!(text.contains("removed a post by Bob Baker"), "{text}");
    assert!(text.contains("Reason: Not for this group"), "{text}");
    assert!(text.contains("pinned a post by Bob Baker"), "{text}");
    let (status, _) = bob.page(&format!("{group_path}/moderation")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The edit form starts from the group, and a refused one keeps what was typed.
    let edit_path = format!("{group_path}/edit");
    let page = owner.open(&edit_path).await;
    assert_eq!(page.field("Group name").as_deref(), Some("Design Guild"));
    assert!(page.has_button("Save group"));
    let response = owner
        .submit_form(
            &edit_path,
            "edit_group",
            &[
                ("id", &guild.to_string()),
                ("name", ""),
                ("description", "kept"),
                ("visibility", "private"),
            ],
        )
        .await;
    let back = location(&response);
    let page = owner.open(&back).await;
    assert_eq!(page.field("Description").as_deref(), Some("kept"));
    assert_eq!(page.alert().as_deref(), Some("Give the group a name."));
    let response = owner
        .submit_form(
            &edit_path,
            "edit_group",
            &[
                ("id", &guild.to_string()),
                ("name", "<b>Design</b> Circle"),
                ("description", ""),
                ("about", ""),
                ("visibility", "private"),
            ],
        )
        .await;
    assert_eq!(location(&response), group_path);
    let (_, html) = bob.page(&group_path).await;
    assert!(
        html.contains("&lt;b&gt;Design&lt;/b&gt; Circle"),
        "names stay text"
    );
    let (status, _) = bob.page(&edit_path).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
