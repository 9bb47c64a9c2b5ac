//! Edits and deletions with a visible history: every revision kept with a word-level diff,
//! authors and administrators only, stale edits refused, removed comments that keep their
//! thread, the live stream, and the plain forms that work without JavaScript.
use crate::support::*;
use app::conversations::api::CreateComment;
use app::conversations::model::{CommentView, Item};
use app::error::AppError;
use app::policy::Audience;
use app::posts::api::GetPost;
use app::revisions::api::{DeleteItem, EditItem, ItemHistory};
use app::revisions::model::{
    Change, Diff, DiffPart, EditDone, History, ItemDeleted, ItemEdited, CANNOT_CHANGE,
    EDIT_CONFLICT, HISTORY_PAGE,
};

fn edit(item: Item, body: &str) -> EditItem {
    EditItem {
        item: item.key(),
        body: body.into(),
        base: None,
        idempotency_key: None,
    }
}

async fn edits(person: &Person, item: Item, body: &str) -> EditDone {
    person.run(edit(item, body)).await.expect("edit saved")
}

async fn history(person: &Person, item: Item, before: Option<i64>) -> Result<History, AppError> {
    person
        .read(ItemHistory {
            item: item.key(),
            before,
        })
        .await
}

async fn comments_on(person: &Person, post_id: i64) -> CommentView {
    let call = CreateComment {
        post_id,
        reply_to: None,
        body: "a comment".into(),
        idempotency_key: None,
    };
    person.run(call).await.expect("comment posted")
}

fn part(diff: Diff, text: &str) -> DiffPart {
    DiffPart {
        diff,
        text: text.into(),
    }
}

#[tokio::test]
async fn every_revision_is_kept_with_who_when_and_a_word_diff() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bob = app.person("Bob Baker").await;
    let post = app
        .post_for(&ada, Audience::Organization, "Lunch on Friday at noon")
        .await;
    let item = Item::post(post.id);
    assert_eq!(
        history(&bob, item, None).await.unwrap().revisions,
        vec![],
        "nothing to show before the first edit"
    );

    let done = edits(&ada, item, "Lunch on **Thursday** at noon").await;
    assert_eq!(done.revision, 2);
    edits(&ada, item, "Lunch on **Thursday** at one").await;

    let feed = bob.feed(None).await.unwrap();
    assert_eq!(
        feed.posts[0].body_html.trim(),
        "<p>Lunch on <strong>Thursday</strong> at one</p>"
    );
    let marker = feed.posts[0].edited.expect("marked as edited");
    assert!(!marker.by_moderator);

    let seen = history(&bob, item, None).await.unwrap();
    let numbers: Vec<(i64, Change)> = seen
        .revisions
        .iter()
        .map(|r| (r.number, r.change))
        .collect();
    assert_eq!(
        numbers,
        vec![(3, Change::Edit), (2, Change::Edit), (1, Change::Original)]
    );
    assert!(seen
        .revisions
        .iter()
        .all(|r| r.editor_name == "Ada Lovelace"));
    assert_eq!(
        seen.revisions[1].diff,
        vec![
            part(Diff::Same, "Lunch on "),
            part(Diff::Removed, "Friday"),
            part(Diff::Added, "**Thursday**"),
            part(Diff::Same, " at noon"),
        ]
    );
    assert_eq!(
        seen.revisions[2].diff,
        vec![part(Diff::Same, "Lunch on Friday at noon")]
    );

    let permalink = bob.open(&format!("/posts/{}", post.id)).await;
    let history_link = permalink.link("edited").expect("an \"edited\" link");
    let page = bob.open(&history_link).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.texts("h1"), vec!["Edit history"]);
    assert_eq!(page.texts(".revision").len(), 3);
    assert!(page
        .texts(".diff del")
        .contains(&"[removed: Friday]".to_string()));
    assert!(page
        .texts(".diff ins")
        .contains(&"[added: **Thursday**]".to_string()));
}

#[tokio::test]
async fn a_long_history_pages_without_gaps() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let comment_on = app.post_for(&ada, Audience::Organization, "Notes").await;
    let item = Item::comment(comments_on(&ada, comment_on.id).await.id);
    for n in 1..=45 {
        edits(&ada, item, &format!("version {n}")).await;
    }
    let mut numbers = Vec::new();
    let mut before = None;
    loop {
        let page = history(&ada, item, before).await.unwrap();
        assert!(page.revisions.len() <= HISTORY_PAGE);
        for revision in &page.revisions {
            if revision.change == Change::Edit {
                assert!(
                    revision.diff.iter().any(|p| p.diff == Diff::Removed),
                    "revision {} is compared with the one before",
                    revision.number
                );
            }
        }
        numbers.extend(page.revisions.iter().map(|r| r.number));
        match page.next {
            Some(next) => before = Some(next),
            None => break,
        }
    }
    assert_eq!(numbers, (1..=46).rev().collect::<Vec<i64>>());
    let older = ada
        .open(&format!("/history/{}?before=27", item.key()))
        .await;
    assert_eq!(older.texts(".revision").len(), HISTORY_PAGE);
    assert!(older.link("Older revisions").is_some());
}

#[tokio::test]
async fn only_authors_and_administrators_change_items() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bob = app.person("Bob Baker").await;
    let moderator = app.admin("Mo Derator").await;
    let post = app
        .post_for(&ada, Audience::Organization, "Ada's own")
        .await;
    let note = app
        .post_for(&ada, Audience::Person(ada.id()), "a note to self")
        .await;
    let item = Item::post(post.id);

    assert_eq!(
        bob.run(edit(item, "hijacked")).await,
        Err(AppError::Forbidden(CANNOT_CHANGE))
    );
    let delete = |item: Item| DeleteItem {
        item: item.key(),
        base: None,
    };
    assert_eq!(
        bob.run(delete(item)).await,
        Err(AppError::Forbidden(CANNOT_CHANGE))
    );
    assert_eq!(
        bob.run(edit(Item::post(note.id), "x")).await,
        Err(AppError::NotFound),
        "what Bob may not see does not exist for him"
    );
    assert_eq!(
        bob.open(&format!("/edit/post-{}", post.id)).await.status,
        403
    );

    let page = bob.open("/").await;
    let own = app.post_for(&bob, Audience::Organization, "Bob's").await;
    assert!(!page.has_button("Edit"), "no Edit on someone else's post");
    let page = bob.open(&format!("/posts/{}", own.id)).await;
    assert!(page.has_button("Edit") && page.has_button("Delete"));
    let page = moderator.open(&format!("/posts/{}", post.id)).await;
    assert!(page.has_button("Edit"), "administrators moderate");

    let done = edits(&moderator, item, "Ada's own, tidied").await;
    assert!(done.edited.unwrap().by_moderator);
    let page = bob.open(&format!("/posts/{}", post.id)).await;
    assert_eq!(
        page.texts(".edited-marker"),
        vec!["· edited by a moderator"]
    );
    let seen = history(&bob, item, None).await.unwrap();
    assert_eq!(seen.revisions[0].editor_name, "Mo Derator");
    assert!(seen.revisions[0].by_moderator);
}

#[tokio::test]
async fn a_stale_edit_is_refused_and_a_retry_changes_nothing() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let moderator = app.admin("Mo Derator").await;
    let post = app.post_for(&ada, Audience::Organization, "first").await;
    let item = Item::post(post.id);
    let at_one = |body: &str| EditItem {
        base: Some(1),
        ..edit(item, body)
    };
    moderator.run(at_one("the moderator's")).await.unwrap();
    assert_eq!(
        ada.run(at_one("Ada's")).await,
        Err(AppError::Invalid(EDIT_CONFLICT)),
        "Ada edited revision 1, which is no longer the text"
    );

    let keyed = || EditItem {
        idempotency_key: Some("e-1".into()),
        ..edit(item, "once")
    };
    ada.run(keyed()).await.unwrap();
    ada.run(keyed()).await.unwrap();
    let seen = history(&ada, item, None).await.unwrap();
    assert_eq!(seen.revisions.len(), 3, "original, moderator, one edit");
    assert_eq!(
        ada.read(GetPost {
            id: post.id,
            after_thread: None,
            after_id: None
        })
        .await
        .unwrap()
        .body_html
        .trim(),
        "<p>once</p>"
    );
}

#[tokio::test]
async fn a_removed_comment_with_replies_keeps_its_thread() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bob = app.person("Bob Baker").await;
    let admin = app.admin("Mo Derator").await;
    let post = app.post_for(&ada, Audience::Organization, "Thread").await;
    let asked = comments_on(&bob, post.id).await;
    let lone = comments_on(&bob, post.id).await;
    let reply = CreateComment {
        post_id: post.id,
        reply_to: Some(asked.id),
        body: "an answer".into(),
        idempotency_key: None,
    };
    ada.run(reply).await.unwrap();
    let delete = |id: i64| DeleteItem {
        item: Item::comment(id).key(),
        base: None,
    };
    bob.run(delete(asked.id)).await.unwrap();
    bob.run(delete(lone.id)).await.unwrap();

    let page = ada.open(&format!("/posts/{}", post.id)).await;
    assert_eq!(page.texts(".comments-heading"), vec!["1 comment"]);
    assert_eq!(
        page.texts(".comment-removed"),
        vec!["This comment was removed"]
    );
    assert_eq!(page.texts(".comment-body"), vec!["an answer"]);
    assert_eq!(page.texts(".comment").len(), 2, "the lone comment is gone");

    assert_eq!(
        history(&ada, Item::comment(asked.id), None).await,
        Err(AppError::NotFound),
        "a deleted item's history is for administrators"
    );
    let seen = history(&admin, Item::comment(lone.id), None).await.unwrap();
    assert!(seen.deleted);
    let changes: Vec<Change> = seen.revisions.iter().map(|r| r.change).collect();
    assert_eq!(changes, vec![Change::Delete, Change::Original]);
    assert_eq!(seen.revisions[1].diff, vec![part(Diff::Same, "a comment")]);

    ada.run(DeleteItem {
        item: Item::post(post.id).key(),
        base: None,
    })
    .await
    .unwrap();
    assert!(ada.feed(None).await.unwrap().posts.is_empty());
    assert_eq!(ada.open(&format!("/posts/{}", post.id)).await.status, 404);
    let seen = history(&admin, Item::post(post.id), None).await.unwrap();
    assert_eq!(seen.revisions[0].change, Change::Delete);
    assert_eq!(seen.revisions[0].editor_name, "Ada Lovelace");
    assert_eq!(
        history(&bob, Item::post(post.id), None).await,
        Err(AppError::NotFound)
    );
}

#[tokio::test]
async fn edits_and_deletions_arrive_live_for_those_who_may_see_them() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bob = app.person("Bob Baker").await;
    let post = app.post_for(&ada, Audience::Organization, "Live").await;
    let note = app
        .post_for(&ada, Audience::Person(ada.id()), "mine only")
        .await;
    let mut stream = bob.open_live(None).await.expect("stream opens");

    edits(&ada, Item::post(note.id), "still mine only").await;
    edits(&ada, Item::post(post.id), "Live, edited").await;
    let edited: ItemEdited = next_of(&mut stream).await;
    assert_eq!(edited.item, Item::post(post.id));
    assert_eq!(edited.body_html.trim(), "<p>Live, edited</p>");

    let said = comments_on(&ada, post.id).await;
    ada.run(DeleteItem {
        item: Item::comment(said.id).key(),
        base: None,
    })
    .await
    .unwrap();
    let deleted: ItemDeleted = next_of(&mut stream).await;
    assert_eq!(
        (
            deleted.item,
            deleted.post_id,
            deleted.comment_count,
            deleted.kept
        ),
        (Item::comment(said.id), post.id, 0, false)
    );
}

/// The next event of type `E` on the stream, passing over others (such as a post that the log's
/// follower reached only after the stream opened), within a bounded number of events.
async fn next_of<E: app::events::Event>(stream: &mut LiveSocket) -> E {
    for _ in 0..5 {
        if let Some(event) = stream.events(1).await[0].decode::<E>() {
            return event;
        }
    }
    panic!("no {} event", E::KIND);
}

#[tokio::test]
async fn plain_forms_edit_and_delete_without_javascript() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let post = app.post_for(&ada, Audience::Organization, "Typo hre").await;
    let key = Item::post(post.id).key();
    let at = format!("/edit/{key}");

    let page = ada.open(&at).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.field("Text").as_deref(), Some("Typo hre"));
    assert!(page.has_button("Save"));

    let refused = ada
        .submit_form(&at, "edit_item", &[("item", &key), ("body", "  ")])
        .await;
    let back = location(&refused);
    assert!(
        back.starts_with(&at) && back.contains("error=post-empty"),
        "{back}"
    );
    let saved = ada
        .submit_form(
            &at,
            "edit_item",
            &[("item", &key), ("body", "Typo here"), ("base", "1")],
        )
        .await;
    assert_eq!(location(&saved), format!("/posts/{}", post.id));
    let page = ada.open(&format!("/posts/{}", post.id)).await;
    assert_eq!(page.texts(".post-body"), vec!["Typo here"]);

    let stale = ada
        .submit_form(
            &at,
            "edit_item",
            &[("item", &key), ("body", "<b>kept</b>"), ("base", "1")],
        )
        .await;
    let back = ada.open(&location(&stale)).await;
    assert_eq!(back.alert().as_deref(), Some(EDIT_CONFLICT.text.as_ref()));
    assert_eq!(
        back.field("Text").as_deref(),
        Some("<b>kept</b>"),
        "nothing lost"
    );

    let confirm = ada.open(&format!("/delete/{key}")).await;
    assert_eq!(confirm.texts("h1"), vec!["Delete this post?"]);
    let deleted = ada
        .submit_form(&format!("/delete/{key}"), "delete_item", &[("item", &key)])
        .await;
    assert_eq!(location(&deleted), "/");
    assert_eq!(ada.open(&format!("/posts/{}", post.id)).await.status, 404);
}
