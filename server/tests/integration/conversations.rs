//! Conversations: comments thread by thread, reactions, counts that survive concurrency, the
//! live stream, and the plain forms that work without JavaScript.
use crate::support::*;
use app::conversations::api::{CreateComment, Reactors, SetReaction};
use app::conversations::model::{
    CommentCreated, CommentView, CommentsCursor, Conversation, Item, ReactionKind, Reactions,
    ReactionsChanged, COMMENT_EMPTY, ITEM_MALFORMED, REACTION_UNKNOWN, REPLY_ELSEWHERE,
};
use app::error::AppError;
use app::policy::Audience;
use app::posts::api::GetPost;

fn comment(post_id: i64, reply_to: Option<i64>, body: &str) -> CreateComment {
    CreateComment {
        post_id,
        reply_to,
        body: body.into(),
        idempotency_key: None,
    }
}

fn react(item: Item, kind: Option<ReactionKind>) -> SetReaction {
    SetReaction {
        item: item.key(),
        reaction: kind.map(|k| k.key()).unwrap_or_default().into(),
    }
}

async fn says(person: &Person, post_id: i64, reply_to: Option<i64>, body: &str) -> CommentView {
    person
        .run(comment(post_id, reply_to, body))
        .await
        .expect("comment posted")
}

async fn conversation(person: &Person, post_id: i64) -> Result<Conversation, AppError> {
    conversation_after(person, post_id, None).await
}

/// A post's conversation as its own page reads it (`get_post`), from after `after`.
async fn conversation_after(
    person: &Person,
    post_id: i64,
    after: Option<CommentsCursor>,
) -> Result<Conversation, AppError> {
    let post = person
        .read(GetPost {
            id: post_id,
            after_thread: after.map(|a| a.thread_id),
            after_id: after.map(|a| a.id),
        })
        .await?;
    Ok(post.conversation)
}

#[tokio::test]
async fn comments_read_thread_by_thread_and_cards_show_the_latest_two() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bob = app.person("Bob Baker").await;
    let cara = app.person("Cara Diaz").await;
    let post = app
        .post_for(&ada, Audience::Organization, "Lunch on Friday?")
        .await;

    let first = says(&bob, post.id, None, "Count me **in**").await;
    let second = says(&cara, post.id, None, "Me too").await;
    let reply = says(&ada, post.id, Some(first.id), "Great").await;
    let deeper = says(&bob, post.id, Some(reply.id), "See you there").await;

    assert_eq!(
        first.body_html.trim(),
        "<p>Count me <strong>in</strong></p>"
    );
    assert_eq!(reply.thread_id, first.id);
    assert_eq!(
        deeper.thread_id, first.id,
        "a reply to a reply stays in its thread"
    );
    assert!(!reply.answers_a_reply());
    assert!(deeper.answers_a_reply());
    assert_eq!(deeper.replying_to.as_ref().unwrap().name, "Ada Lovelace");

    let whole = conversation(&cara, post.id).await.unwrap();
    let order: Vec<i64> = whole.comments.iter().map(|c| c.id).collect();
    assert_eq!(order, vec![first.id, reply.id, deeper.id, second.id]);
    assert_eq!(whole.comment_count, 4);
    assert_eq!(whole.next, None);

    let feed = cara.feed(None).await.unwrap();
    let card = &feed.posts[0].conversation;
    assert_eq!(card.comment_count, 4);
    let latest: Vec<i64> = card.comments.iter().map(|c| c.id).collect();
    assert_eq!(
        latest,
        vec![reply.id, deeper.id],
        "the latest two, oldest first"
    );

    let page = cara.open(&format!("/posts/{}", post.id)).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.texts(".comments-heading"), vec!["4 comments"]);
    assert_eq!(page.texts(".comment-body").len(), 4);
    assert!(page.has_button("Reply"));
    assert!(page.has_field("Write a comment"));
    assert!(page.has_button("Comment"));
    assert!(page
        .texts(".replying-to")
        .iter()
        .any(|t| t.contains("replying to Ada Lovelace")));
}

#[tokio::test]
async fn a_long_conversation_pages_without_gaps() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let post = app.post_for(&ada, Audience::Organization, "Ideas?").await;
    let mut made = Vec::new();
    for n in 0..55 {
        let reply_to = (n % 3 == 2).then(|| made[made.len() - 1]);
        made.push(says(&ada, post.id, reply_to, &format!("idea {n}")).await.id);
    }
    let first = conversation(&ada, post.id).await.unwrap();
    assert_eq!(first.comments.len(), 50);
    let after = first.next.expect("a second page");
    let rest = conversation_after(&ada, post.id, Some(after))
        .await
        .unwrap();
    assert_eq!(rest.next, None);
    let mut seen: Vec<CommentView> = first.comments;
    seen.extend(rest.comments);
    let positions: Vec<(i64, i64)> = seen.iter().map(|c| c.position()).collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted, "thread by thread");
    let mut ids: Vec<i64> = seen.iter().map(|c| c.id).collect();
    ids.sort();
    assert_eq!(ids, made, "every comment once");
}

#[tokio::test]
async fn the_same_idempotency_key_never_makes_two_comments() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let post = app.post_for(&ada, Audience::Organization, "Hello").await;
    let call = || CreateComment {
        idempotency_key: Some("c-1".into()),
        ..comment(post.id, None, "once")
    };
    let first = ada.run(call()).await.unwrap();
    let retry = ada.run(call()).await.unwrap();
    assert_eq!(first.id, retry.id);
    assert_eq!(conversation(&ada, post.id).await.unwrap().comment_count, 1);
}

#[tokio::test]
async fn nobody_comments_on_or_reacts_to_what_they_may_not_see() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bob = app.person("Bob Baker").await;
    let hidden = app
        .post_for(&ada, Audience::Person(ada.id()), "a note to self")
        .await;
    let own = says(&ada, hidden.id, None, "still mine").await;
    let open = app.post_for(&ada, Audience::Organization, "for all").await;

    assert_eq!(
        bob.run(comment(hidden.id, None, "hi")).await,
        Err(AppError::NotFound)
    );
    assert_eq!(
        bob.run(comment(open.id, Some(own.id), "hi")).await,
        Err(AppError::NotFound),
        "a reply to a comment Bob may not see"
    );
    assert_eq!(
        ada.run(comment(open.id, Some(own.id), "elsewhere")).await,
        Err(AppError::Invalid(REPLY_ELSEWHERE))
    );
    assert_eq!(
        bob.run(react(Item::post(hidden.id), Some(ReactionKind::Like)))
            .await,
        Err(AppError::NotFound)
    );
    assert_eq!(
        bob.run(react(Item::comment(own.id), Some(ReactionKind::Like)))
            .await,
        Err(AppError::NotFound)
    );
    assert_eq!(conversation(&bob, hidden.id).await, Err(AppError::NotFound));
    let who = bob
        .read(Reactors {
            item: Item::post(hidden.id).key(),
            before: None,
        })
        .await;
    assert_eq!(who, Err(AppError::NotFound));
    assert_eq!(
        bob.open(&format!("/reactions/post-{}", hidden.id))
            .await
            .status,
        404
    );

    assert_eq!(
        bob.run(comment(open.id, None, "  ")).await,
        Err(AppError::Invalid(COMMENT_EMPTY))
    );
    let stranger = app.visitor();
    assert_eq!(
        stranger.run(comment(open.id, None, "hi")).await,
        Err(AppError::SignInRequired)
    );
}

#[tokio::test]
async fn a_reaction_is_set_changed_and_taken_back() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bob = app.person("Bob Baker").await;
    let post = app.post_for(&ada, Audience::Organization, "Shipped!").await;
    let item = Item::post(post.id);

    let liked = bob
        .run(react(item, Some(ReactionKind::Like)))
        .await
        .unwrap();
    assert_eq!(
        (liked.counts.of(ReactionKind::Like), liked.mine),
        (1, Some(ReactionKind::Like))
    );
    let again = bob
        .run(react(item, Some(ReactionKind::Like)))
        .await
        .unwrap();
    assert_eq!(again, liked, "asking for what is so changes nothing");
    let changed = bob
        .run(react(item, Some(ReactionKind::Celebrate)))
        .await
        .unwrap();
    assert_eq!(changed.counts.of(ReactionKind::Like), 0);
    assert_eq!(changed.counts.of(ReactionKind::Celebrate), 1);
    ada.run(react(item, Some(ReactionKind::Insightful)))
        .await
        .unwrap();
    let gone = bob.run(react(item, None)).await.unwrap();
    assert_eq!(gone.mine, None);
    assert_eq!(gone.counts.total(), 1);

    let feed = bob.feed(None).await.unwrap();
    assert_eq!(
        feed.posts[0].conversation.reactions,
        Reactions {
            counts: gone.counts,
            mine: None
        }
    );
    let adas = ada.feed(None).await.unwrap();
    assert_eq!(
        adas.posts[0].conversation.reactions.mine,
        Some(ReactionKind::Insightful)
    );

    let who = bob
        .read(Reactors {
            item: item.key(),
            before: None,
        })
        .await
        .unwrap();
    let names: Vec<(&str, ReactionKind)> = who
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.kind))
        .collect();
    assert_eq!(names, vec![("Ada Lovelace", ReactionKind::Insightful)]);

    let reply = says(&ada, post.id, None, "thanks").await;
    let on_comment = bob
        .run(react(Item::comment(reply.id), Some(ReactionKind::Support)))
        .await
        .unwrap();
    assert_eq!(on_comment.counts.of(ReactionKind::Support), 1);
    let card = bob.feed(None).await.unwrap().posts.remove(0).conversation;
    assert_eq!(card.comments[0].reactions.mine, Some(ReactionKind::Support));

    assert_eq!(
        bob.run(SetReaction {
            item: item.key(),
            reaction: "angry".into()
        })
        .await,
        Err(AppError::Invalid(REACTION_UNKNOWN))
    );
    assert_eq!(
        bob.run(SetReaction {
            item: "group-1".into(),
            reaction: "like".into()
        })
        .await,
        Err(AppError::BadRequest(ITEM_MALFORMED))
    );
}

#[tokio::test]
async fn thirty_two_people_at_once_are_all_counted() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let post = app.post_for(&ada, Audience::Organization, "Vote!").await;
    let item = Item::post(post.id);
    let mut people = Vec::new();
    for n in 0..32 {
        people.push(app.person(&format!("Voter {n}")).await);
    }

    let all =
        |kind| futures::future::join_all(people.iter().map(|p| p.run(react(item, Some(kind)))));
    for result in all(ReactionKind::Like).await {
        result.expect("reacted");
    }
    let counts = conversation(&ada, post.id).await.unwrap().reactions.counts;
    assert_eq!(counts.of(ReactionKind::Like), 32);
    for result in all(ReactionKind::Curious).await {
        result.expect("changed");
    }
    let counts = conversation(&ada, post.id).await.unwrap().reactions.counts;
    assert_eq!(
        (
            counts.of(ReactionKind::Like),
            counts.of(ReactionKind::Curious)
        ),
        (0, 32)
    );

    let comments =
        futures::future::join_all(people.iter().map(|p| p.run(comment(post.id, None, "me"))));
    for result in comments.await {
        result.expect("commented");
    }
    assert_eq!(conversation(&ada, post.id).await.unwrap().comment_count, 32);
}

#[tokio::test]
async fn comments_and_reactions_arrive_live_for_those_who_may_see_them() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bob = app.person("Bob Baker").await;
    let post = app.post_for(&ada, Audience::Organization, "Live?").await;
    let hidden = app
        .post_for(&ada, Audience::Person(ada.id()), "mine only")
        .await;
    let mut stream = bob.open_live(None).await.expect("stream opens");

    says(&ada, hidden.id, None, "Bob never sees this").await;
    let said = says(&ada, post.id, None, "yes").await;
    let events = stream.events(1).await;
    let created: CommentCreated = events[0].decode().expect("a new comment");
    assert_eq!((created.comment.id, created.comment_count), (said.id, 1));

    ada.run(react(Item::comment(said.id), Some(ReactionKind::Celebrate)))
        .await
        .unwrap();
    let events = stream.events(1).await;
    let changed: ReactionsChanged = events[0].decode().expect("a reaction");
    assert_eq!(changed.item, Item::comment(said.id));
    assert_eq!(changed.post_id, post.id);
    assert_eq!(changed.counts.of(ReactionKind::Celebrate), 1);
    assert_eq!(
        (changed.person_id, changed.now),
        (ada.id(), Some(ReactionKind::Celebrate))
    );
}

#[tokio::test]
async fn plain_forms_comment_reply_and_react_without_javascript() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let post = app.post_for(&ada, Audience::Organization, "Plain").await;
    let id = post.id.to_string();
    let at = format!("/posts/{id}");

    let sent = ada
        .submit_form(
            &at,
            "create_comment",
            &[("post_id", &id), ("body", "typed by hand")],
        )
        .await;
    assert_eq!(location(&sent), at, "back to the post");
    let page = ada.open(&at).await;
    assert_eq!(page.texts(".comment-body"), vec!["typed by hand"]);

    let refused = ada
        .submit_form(&at, "create_comment", &[("post_id", &id), ("body", " ")])
        .await;
    let back = location(&refused);
    assert!(
        back.contains("error=comment-empty") && back.contains(&format!("comment_on=post-{id}")),
        "{back}"
    );
    assert_eq!(
        ada.open(&back).await.alert().as_deref(),
        Some(COMMENT_EMPTY.text.as_ref())
    );

    let first = conversation(&ada, post.id)
        .await
        .unwrap()
        .comments
        .remove(0);
    let opened = ada.open(&format!("{at}?reply_to={}", first.id)).await;
    assert!(
        opened.has_field("Write a reply"),
        "Reply opens the reply box"
    );
    let reply_to = first.id.to_string();
    ada.submit_form(
        &at,
        "create_comment",
        &[
            ("post_id", &id),
            ("reply_to", &reply_to),
            ("body", "and a reply"),
        ],
    )
    .await;
    let page = ada.open(&at).await;
    assert_eq!(
        page.texts(".comment.reply .comment-body"),
        vec!["and a reply"]
    );

    let reacted = ada
        .submit_form(
            &at,
            "set_reaction",
            &[("item", &format!("post-{id}")), ("reaction", "like")],
        )
        .await;
    assert_eq!(location(&reacted), at);
    let page = ada.open(&at).await;
    assert!(page.has_button("Like, 1"));
    assert!(page.link("Who reacted").is_some());
    let who = ada.open(&format!("/reactions/post-{id}")).await;
    assert_eq!(who.status, 200);
    assert!(who.text().contains("Ada Lovelace"));
}
