//! Who may see what, on every read path: viewer × path × audience. Groups add their audiences
//! and viewers to these tables.
use crate::support::*;
use app::people::api::GetProfile;
use app::policy::Audience;
use app::posts::api::GetPost;
use std::collections::HashSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Stranger,
    Member,
    Author,
    Administrator,
    /// The one person a private post is for.
    Addressed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum For {
    Organization,
    OnePerson,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Path {
    Feed,
    ProfileTimeline,
    Permalink,
    LiveStream,
    Replay,
}

const EVERYONE: [Who; 5] = [
    Who::Stranger,
    Who::Member,
    Who::Author,
    Who::Administrator,
    Who::Addressed,
];
const PATHS: [Path; 5] = [
    Path::Feed,
    Path::ProfileTimeline,
    Path::Permalink,
    Path::LiveStream,
    Path::Replay,
];

/// The rule: members read the organization's posts; a post for one person is read by that
/// person and its author only (not by administrators); strangers read nothing.
fn may_see(who: Who, audience: For) -> bool {
    match (who, audience) {
        (Who::Stranger, _) => false,
        (_, For::Organization) => true,
        (who, For::OnePerson) => matches!(who, Who::Author | Who::Addressed),
    }
}

#[tokio::test]
async fn every_read_path_shows_each_viewer_exactly_what_the_policy_allows() {
    let app = TestApp::spawn().await;
    app.setup().await;
    let admin = app.admin("Ida Admin").await;
    let author = app.person("Ann Author").await;
    let member = app.person("Mia Member").await;
    let addressed = app.person("Bob Addressed").await;
    let stranger = app.visitor();
    let browser = |who: Who| -> &Visitor {
        match who {
            Who::Stranger => &stranger,
            Who::Member => &member.browser,
            Who::Author => &author.browser,
            Who::Administrator => &admin.browser,
            Who::Addressed => &addressed.browser,
        }
    };

    // Streams open before anything is posted; the replay starts from the log's head now.
    let before = admin.feed(None).await.unwrap().live_after;
    let mut streams = Vec::new();
    for who in EVERYONE {
        streams.push((who, browser(who).open_live(None).await.ok()));
    }

    let for_org = app
        .post_for(&author, Audience::Organization, "for everyone")
        .await;
    let for_bob = app
        .post_for(&author, Audience::Person(addressed.id()), "for Bob alone")
        .await;
    // A last post everyone may see marks the end of what a stream can have received.
    let marker = app.post_for(&admin, Audience::Organization, "marker").await;
    let posts = [
        (For::Organization, for_org.id),
        (For::OnePerson, for_bob.id),
    ];

    let mut wrong = Vec::new();
    for (who, live) in &mut streams {
        let who = *who;
        let viewer = browser(who);
        for path in PATHS {
            let seen: HashSet<i64> = match path {
                Path::Feed => viewer
                    .feed(None)
                    .await
                    .map(|page| page.posts.iter().map(|p| p.id).collect())
                    .unwrap_or_default(),
                Path::ProfileTimeline => viewer
                    .read(GetProfile {
                        handle: author.viewer.handle.clone(),
                        before: None,
                    })
                    .await
                    .map(|profile| profile.posts.posts.iter().map(|p| p.id).collect())
                    .unwrap_or_default(),
                Path::Permalink => {
                    let mut seen = HashSet::new();
                    for (_, id) in posts {
                        if viewer
                            .read(GetPost {
                                id,
                                after_thread: None,
                                after_id: None,
                            })
                            .await
                            .is_ok()
                        {
                            seen.insert(id);
                        }
                    }
                    seen
                }
                Path::LiveStream => match live {
                    Some(stream) => read_until(stream, marker.id).await,
                    None => HashSet::new(),
                },
                Path::Replay => match viewer.open_live(Some(before)).await {
                    Ok(mut stream) => read_until(&mut stream, marker.id).await,
                    Err(_) => HashSet::new(),
                },
            };
            for (audience, id) in posts {
                if seen.contains(&id) != may_see(who, audience) {
                    wrong.push(format!(
                        "{who:?} on {path:?}, post for {audience:?}: saw it = {}",
                        seen.contains(&id)
                    ));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the policy was not kept:\n{}",
        wrong.join("\n")
    );
}

/// The post ids a stream delivers up to and including `marker`.
async fn read_until(stream: &mut LiveSocket, marker: i64) -> HashSet<i64> {
    let mut seen = HashSet::new();
    while !seen.contains(&marker) {
        seen.extend(stream.post_ids(1).await);
    }
    seen
}
