//! Feed cards kept from one page for the next (`posts::card_cache`): a page made of kept cards
//! reads exactly as one rendered afresh, for each viewer, and a change to a post's
//! conversation shows on the next page.
use crate::support::*;
use app::conversations::api::{CreateComment, SetReaction};
use app::conversations::model::{Item, ReactionKind};
use app::posts::api::CreatePost;

/// The cards of the person's home page, as markup.
async fn cards(person: &Person) -> Vec<String> {
    let page = person.open("/").await;
    assert!(page.status.is_success(), "home page: {}", page.status);
    page.outer_html("article.post")
}

async fn comment(person: &Person, post_id: i64, body: &str) -> i64 {
    let comment = person
        .run(CreateComment {
            post_id,
            reply_to: None,
            body: body.into(),
            idempotency_key: None,
        })
        .await
        .expect("commented");
    comment.id
}

#[tokio::test]
async fn kept_cards_read_as_freshly_rendered_ones_for_every_viewer() {
    let app = TestApp::spawn().await;
    app.setup().await;
    let (ann, bob, cem) = (
        app.admin("Ann Lee").await,
        app.person("Bob Roe").await,
        app.person("Cem Sun").await,
    );
    let dee = app.person("Dee Fox").await;
    let everyone = app::policy::Audience::Organization;
    // Each viewer's own items differ from card to card: own posts, comments, answers, reactions.
    let anns = app.post_for(&ann, everyone, "Hello from **Ann**").await;
    let bobs = app
        .post_for(&bob, everyone, "Planning the offsite #planning")
        .await;
    let question = cem
        .run(CreatePost {
            body: "Where are the slides?".into(),
            audience: None,
            kind: Some("question".into()),
            title: "Slides for Monday".into(),
            idempotency_key: None,
        })
        .await
        .expect("asked");
    // Nobody's own, nobody reacted: the same card for all three.
    app.post_for(&dee, everyone, "A quiet note from Dee").await;
    comment(&bob, anns.id, "Welcome, @ann-lee!").await;
    comment(&cem, bobs.id, "Count me in").await;
    comment(&ann, question.id, "In the shared drive").await;
    bob.run(SetReaction {
        item: Item::post(anns.id).key(),
        reaction: ReactionKind::Like.key().into(),
    })
    .await
    .expect("reacted");

    let people = [&ann, &bob, &cem];
    let mut fresh = Vec::new();
    for person in people {
        app.state.cards.clear();
        fresh.push(cards(person).await);
    }
    assert_eq!(fresh[0].len(), 4, "four cards");
    assert_eq!(app.state.cards.len(), 4, "Cem's page kept its four cards");
    // Again, now partly from cards kept for the others (and filled in for this viewer).
    for (person, fresh) in people.iter().zip(&fresh) {
        assert_eq!(&cards(person).await, fresh, "{}", person.viewer.name);
    }
    assert!(
        app.state.cards.len() < 4 * people.len(),
        "cards that read the same were shared: {} kept",
        app.state.cards.len()
    );
}

#[tokio::test]
async fn a_new_comment_or_reaction_shows_on_the_next_page() {
    let app = TestApp::spawn().await;
    app.setup().await;
    let (ann, bob) = (app.person("Ann Lee").await, app.person("Bob Roe").await);
    let post = app
        .post_for(&ann, app::policy::Audience::Organization, "Lunch at noon?")
        .await;
    let before = cards(&bob).await;
    assert_eq!(before, cards(&bob).await, "kept as it was");
    comment(&ann, post.id, "Pizza it is").await;
    let page = bob.open("/").await;
    assert_eq!(
        page.texts(".comment-body"),
        ["Pizza it is"],
        "the comment shows"
    );
    bob.run(SetReaction {
        item: Item::post(post.id).key(),
        reaction: ReactionKind::Like.key().into(),
    })
    .await
    .expect("reacted");
    let page = ann.open("/").await;
    assert!(
        page.has_button("Like, 1"),
        "the reaction counts: {}",
        page.text()
    );
}
