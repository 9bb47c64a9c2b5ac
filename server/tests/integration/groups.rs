//! Groups: creating one, joining, asking and approving, inviting and accepting, leaving and
//! removing (a removed member's open stream stops at once), roles and the last owner, where a
//! post can go and who will see it, and the pages without JavaScript. The leak test over every
//! read path is `groups_leak.rs`.
use crate::support::*;
use app::error::AppError;
use app::groups::api::{
    AskToJoin, AudienceChoices, CreateGroup, Group, GroupRequests, GroupsDirectory, InviteToGroup,
    JoinGroup, LeaveGroup, RemoveMember, SetMemberRole,
};
use app::groups::model::{GroupView, Role, Visibility};
use app::posts::api::CreatePost;
use reqwest::StatusCode;

/// A group made by `owner` through the create form's server function.
pub async fn create(owner: &Person, name: &str, visibility: Visibility) -> i64 {
    owner
        .run(CreateGroup {
            name: name.into(),
            description: format!("What {name} is for"),
            about: "We **meet** on Tuesdays.".into(),
            visibility: visibility.key().into(),
        })
        .await
        .expect("group created")
}

/// The group's page as `person` reads it: all its posts, from the newest.
pub async fn group(person: &Visitor, id: i64) -> Result<GroupView, AppError> {
    person
        .read(Group {
            id,
            filter: None,
            before: None,
        })
        .await
}

async fn post_in(
    person: &Person,
    id: i64,
    body: &str,
) -> Result<app::posts::model::PostView, AppError> {
    person
        .run(CreatePost {
            body: body.into(),
            audience: Some(id.to_string()),
            kind: None,
            title: String::new(),
            idempotency_key: None,
        })
        .await
}

#[tokio::test]
async fn the_three_visibilities_join_ask_and_invite() {
    let app = TestApp::spawn().await;
    let owner = app.person_after_setup("Olga Owner").await;
    let bob = app.person("Bob Baker").await;
    let cara = app.person("Cara Diaz").await;

    let public = create(&owner, "Design Guild", Visibility::Public).await;
    let private = create(&owner, "Leads", Visibility::Private).await;
    let secret = create(&owner, "Project Falcon", Visibility::Secret).await;

    // Public: seen and joined at once.
    let seen = group(&bob, public).await.unwrap();
    assert_eq!(seen.summary.members, 1);
    assert!(seen.posts.is_some(), "everyone reads a public group");
    assert!(
        seen.about_html.contains("<strong>meet</strong>"),
        "{}",
        seen.about_html
    );
    bob.run(JoinGroup { id: public }).await.unwrap();
    assert_eq!(
        group(&bob, public).await.unwrap().standing.role,
        Some(Role::Member)
    );

    // Private: known, not read; asked, then approved.
    let seen = group(&bob, private).await.unwrap();
    assert!(seen.posts.is_none(), "only members read a private group");
    let refused = bob.run(JoinGroup { id: private }).await.unwrap_err();
    assert!(matches!(refused, AppError::Forbidden(_)), "{refused:?}");
    bob.run(AskToJoin { id: private }).await.unwrap();
    assert!(group(&bob, private).await.unwrap().standing.requested);
    assert_eq!(group(&owner, private).await.unwrap().requests, 1);
    let waiting = owner.read(GroupRequests { id: private }).await.unwrap();
    assert_eq!(waiting.people.len(), 1);
    let not_admin = bob.read(GroupRequests { id: private }).await.unwrap_err();
    assert!(matches!(not_admin, AppError::Forbidden(_)), "{not_admin:?}");
    owner
        .run(app::groups::api::AnswerRequest {
            id: private,
            person: bob.id(),
            approve: true,
        })
        .await
        .unwrap();
    assert!(group(&bob, private).await.unwrap().posts.is_some());

    // Secret: not found for anyone else, in every way, until invited.
    assert_eq!(group(&cara, secret).await.unwrap_err(), AppError::NotFound);
    assert_eq!(
        cara.run(JoinGroup { id: secret }).await.unwrap_err(),
        AppError::NotFound
    );
    assert_eq!(
        cara.run(AskToJoin { id: secret }).await.unwrap_err(),
        AppError::NotFound
    );
    let listed = cara
        .read(GroupsDirectory { q: String::new() })
        .await
        .unwrap();
    assert!(!listed.groups.iter().any(|g| g.id == secret));
    let sent = owner
        .run(InviteToGroup {
            id: secret,
            invitees: format!("@{}, {}", cara.viewer.handle, "nobody-at-all"),
        })
        .await
        .unwrap_err();
    assert!(
        matches!(sent, AppError::Invalid(_)),
        "an unknown name refuses all: {sent:?}"
    );
    let sent = owner
        .run(InviteToGroup {
            id: secret,
            invitees: format!("@{}", cara.viewer.handle),
        })
        .await
        .unwrap();
    assert_eq!(sent, 1);
    let invited = group(&cara, secret).await.unwrap();
    assert!(invited.standing.invited);
    assert!(invited.posts.is_none(), "an invitee does not read it yet");
    let listed = cara
        .read(GroupsDirectory { q: String::new() })
        .await
        .unwrap();
    assert_eq!(listed.invitations.len(), 1);
    cara.run(JoinGroup { id: secret }).await.unwrap();
    let joined = group(&cara, secret).await.unwrap();
    assert_eq!(joined.standing.role, Some(Role::Member));
    assert_eq!(joined.summary.members, 2);

    // The directory lists one's groups first and searches by name.
    let mine = cara
        .read(GroupsDirectory { q: String::new() })
        .await
        .unwrap();
    assert_eq!(mine.groups[0].id, secret);
    let found = cara
        .read(GroupsDirectory { q: "guild".into() })
        .await
        .unwrap();
    let names: Vec<&str> = found.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, vec!["Design Guild"]);
}

#[tokio::test]
async fn posts_go_where_the_author_belongs_and_the_composer_says_who_will_see_them() {
    let app = TestApp::spawn().await;
    let owner = app.person_after_setup("Olga Owner").await;
    let bob = app.person("Bob Baker").await;
    let falcon = create(&owner, "Project Falcon", Visibility::Secret).await;

    let choices = owner.read(AudienceChoices {}).await.unwrap();
    let reach: Vec<(&str, &str)> = choices
        .iter()
        .map(|c| (c.label.as_str(), c.reach.as_str()))
        .collect();
    assert_eq!(
        reach,
        vec![
            ("Everyone", "Everyone in Acme (3 people)"),
            (
                "Project Falcon",
                "Members of the secret group Project Falcon (1 person)"
            ),
        ]
    );

    let post = post_in(&owner, falcon, "Falcon kickoff").await.unwrap();
    assert_eq!(post.group.as_ref().map(|g| g.id), Some(falcon));
    let refused = post_in(&bob, falcon, "let me in").await.unwrap_err();
    assert!(matches!(refused, AppError::Invalid(_)), "{refused:?}");
    let refused = post_in(&bob, 12345, "no such group").await.unwrap_err();
    assert!(
        matches!(refused, AppError::Invalid(_)),
        "the same refusal: {refused:?}"
    );

    let feed = bob.feed(None).await.unwrap();
    assert!(!feed.posts.iter().any(|p| p.id == post.id));
    let feed = owner.feed(None).await.unwrap();
    assert!(
        feed.posts.iter().any(|p| p.id == post.id),
        "members' feeds have it"
    );
}

#[tokio::test]
async fn a_removed_member_stops_receiving_the_groups_posts_at_once() {
    // With sessions kept, as by default: Bob's groups are read again after the removal.
    let app = TestApp::spawn_keeping().await;
    let owner = app.person_after_setup("Olga Owner").await;
    let bob = app.person("Bob Baker").await;
    let leads = create(&owner, "Leads", Visibility::Private).await;
    owner
        .run(InviteToGroup {
            id: leads,
            invitees: bob.viewer.handle.clone(),
        })
        .await
        .unwrap();
    bob.run(JoinGroup { id: leads }).await.unwrap();

    let mut stream = bob.open_live(None).await.expect("stream opens");
    let before = post_in(&owner, leads, "for the leads").await.unwrap();
    owner
        .run(RemoveMember {
            id: leads,
            person: bob.id(),
        })
        .await
        .unwrap();
    let after = post_in(&owner, leads, "after Bob left").await.unwrap();
    let marker = owner.post("for everyone").await;

    let mut seen = Vec::new();
    while !seen.contains(&marker.id) {
        for event in stream.events(1).await {
            if let Some(app::posts::model::PostCreated(post)) = event.decode() {
                seen.push(post.id);
            }
        }
    }
    assert_eq!(
        seen,
        vec![before.id, marker.id],
        "nothing after the removal"
    );
    assert!(!seen.contains(&after.id));
    assert!(group(&bob, leads).await.unwrap().posts.is_none());
}

#[tokio::test]
async fn roles_change_and_a_group_always_keeps_an_owner() {
    let app = TestApp::spawn().await;
    let owner = app.person_after_setup("Olga Owner").await;
    let bob = app.person("Bob Baker").await;
    let id = create(&owner, "Design Guild", Visibility::Public).await;
    bob.run(JoinGroup { id }).await.unwrap();

    let refused = owner.run(LeaveGroup { id }).await.unwrap_err();
    assert!(matches!(refused, AppError::Forbidden(_)), "{refused:?}");
    let refused = bob
        .run(SetMemberRole {
            id,
            person: bob.id(),
            role: "owner".into(),
        })
        .await
        .unwrap_err();
    assert!(
        matches!(refused, AppError::Forbidden(_)),
        "members do not promote themselves"
    );
    owner
        .run(SetMemberRole {
            id,
            person: bob.id(),
            role: "owner".into(),
        })
        .await
        .unwrap();
    owner.run(LeaveGroup { id }).await.unwrap();
    let seen = group(&bob, id).await.unwrap();
    assert_eq!(seen.standing.role, Some(Role::Owner));
    assert_eq!(seen.summary.members, 1);
}

#[tokio::test]
async fn group_pages_work_without_javascript_and_names_stay_text() {
    let app = TestApp::spawn().await;
    let owner = app.person_after_setup("Olga Owner").await;
    let bob = app.person("Bob Baker").await;

    let page = owner.open("/groups/new").await;
    assert!(page.has_field("Group name"));
    assert!(page.has_field("Description"));
    assert!(page.has_field("About"));
    assert!(page.has_button("Create group"));

    // A refused form comes back with what was typed.
    let response = owner
        .submit_form(
            "/groups/new",
            "create_group",
            &[
                ("name", "  "),
                ("description", "kept"),
                ("visibility", "public"),
            ],
        )
        .await;
    let back = location(&response);
    assert!(back.contains("error=group-name-empty"), "{back}");
    let page = owner.open(&back).await;
    assert_eq!(page.field("Description").as_deref(), Some("kept"));
    assert_eq!(page.alert().as_deref(), Some("Give the group a name."));

    let name = "<script>alert(1)</script> Guild";
    let response = owner
        .submit_form(
            "/groups/new",
            "create_group",
            &[
                ("name", name),
                ("description", "<img src=x onerror=alert(1)>"),
                ("about", "<script>alert(2)</script>**About**"),
                ("visibility", "private"),
            ],
        )
        .await;
    let group_page = location(&response);
    assert!(group_page.starts_with("/groups/"), "{group_page}");
    let id: i64 = group_page["/groups/".len()..].parse().unwrap();
    let (status, html) = owner.page(&group_page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("<script>alert"), "names and About are inert");
    assert!(!html.contains("<img src=x"), "descriptions are text");
    let page = owner.open(&group_page).await;
    assert!(page.has_button("Leave group"));
    assert!(page.has_field("Invite people"));
    assert!(page.has_button("Send invitations"));
    assert!(page.link("Members").is_some());
    assert!(page.link("Requests").is_some());

    let page = bob.open(&group_page).await;
    assert!(page.has_button("Ask to join"));
    assert!(
        page.link("Members").is_none(),
        "a private group's members are for members"
    );
    let response = bob
        .submit_form(&group_page, "ask_to_join", &[("id", &id.to_string())])
        .await;
    assert_eq!(location(&response), group_page);
    let page = owner.open(&format!("{group_page}/requests")).await;
    assert!(page.has_button("Approve"));
    assert!(page.has_button("Decline"));
    let response = owner
        .submit_form(
            &format!("{group_page}/requests"),
            "answer_request",
            &[
                ("id", &id.to_string()),
                ("person", &bob.id().to_string()),
                ("approve", "true"),
            ],
        )
        .await;
    assert!(response.status().is_redirection());
    let page = owner.open(&format!("{group_page}/members")).await;
    assert!(page.has_button("Remove from group"));
    assert!(page.text().contains("Bob Baker"));

    // A secret group is not found, as a page, for anyone else.
    let secret = create(&owner, "Project Falcon", Visibility::Secret).await;
    let (status, html) = bob.page(&format!("/groups/{secret}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!html.contains("Falcon"));
    let (status, _) = bob.page(&format!("/groups/{secret}/members")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, html) = bob.page("/groups").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("Falcon"));
    assert!(html.contains("Guild"));
}
