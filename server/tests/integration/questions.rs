//! Discussions and questions: titles and kinds checked, answers accepted by the asker (or a
//! group admin, or an administrator) and by nobody else, the accepted answer shown first, the
//! filters on `/questions` and on a group's page, a profile's questions and accepted answers,
//! the notification, deletion of an accepted answer, and the pages without JavaScript.
use crate::support::*;
use app::conversations::api::CreateComment;
use app::conversations::model::{CommentView, Item};
use app::error::AppError;
use app::groups::api::{AnswerRequest, AskToJoin, CreateGroup, Group, JoinGroup};
use app::groups::model::Visibility;
use app::notifications::api::Notifications;
use app::notifications::model::NoticeKind;
use app::posts::api::{CreatePost, GetPost};
use app::posts::model::{PostKind, PostView};
use app::questions::api::{PersonQuestions, Questions, SetAcceptedAnswer};
use app::revisions::api::DeleteItem;

fn ask(title: &str, body: &str, audience: Option<i64>) -> CreatePost {
    CreatePost {
        body: body.into(),
        audience: audience.map(|id| id.to_string()),
        kind: Some("question".into()),
        title: title.into(),
        idempotency_key: None,
    }
}

async fn answer(person: &Person, post_id: i64, reply_to: Option<i64>, body: &str) -> CommentView {
    person
        .run(CreateComment {
            post_id,
            reply_to,
            body: body.into(),
            idempotency_key: None,
        })
        .await
        .expect("answered")
}

fn accept(post_id: i64, comment_id: Option<i64>) -> SetAcceptedAnswer {
    SetAcceptedAnswer {
        post_id,
        comment_id,
    }
}

async fn post(person: &Person, id: i64) -> PostView {
    person
        .read(GetPost {
            id,
            after_thread: None,
            after_id: None,
        })
        .await
        .expect("post")
}

async fn listed(person: &Person, filter: Option<&str>) -> Vec<i64> {
    let view = person
        .read(Questions {
            filter: filter.map(String::from),
            before: None,
        })
        .await
        .expect("questions");
    view.posts.posts.iter().map(|p| p.id).collect()
}

#[tokio::test]
async fn kinds_and_titles_are_checked() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Asker").await;

    let untitled = ada.run(ask("  ", "Where is the wiki?", None)).await;
    assert!(
        matches!(untitled, Err(AppError::Invalid(ref p)) if p.code == "post-title-missing"),
        "{untitled:?}"
    );
    let long = ada.run(ask(&"x".repeat(151), "Body", None)).await;
    assert!(matches!(long, Err(AppError::Invalid(_))), "{long:?}");
    let unknown = ada
        .run(CreatePost {
            kind: Some("poll".into()),
            ..ask("Title", "Body", None)
        })
        .await;
    assert!(matches!(unknown, Err(AppError::Invalid(_))), "{unknown:?}");

    // An update keeps no title, whatever was typed.
    let update = ada
        .run(CreatePost {
            kind: Some("update".into()),
            ..ask("Ignored", "Just an update", None)
        })
        .await
        .unwrap();
    assert_eq!((update.kind, update.title), (PostKind::Update, None));

    let discussion = ada
        .run(CreatePost {
            kind: Some("discussion".into()),
            ..ask(" Our   offsite\nplans ", "Let us talk about it.", None)
        })
        .await
        .unwrap();
    assert_eq!(discussion.kind, PostKind::Discussion);
    assert_eq!(discussion.title.as_deref(), Some("Our offsite plans"));
    assert!(
        listed(&ada, None).await.is_empty(),
        "discussions are not questions"
    );
}

#[tokio::test]
async fn the_asker_accepts_an_answer_which_shows_first_and_counts_as_answered() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Asker").await;
    let bo = app.person("Bo Answerer").await;
    let cy = app.person("Cy Bystander").await;

    let question = ada
        .run(ask("Where is the style guide?", "I cannot find it.", None))
        .await
        .unwrap();
    let other = ada
        .run(ask("Who runs the offsite?", "Asking for a friend.", None))
        .await
        .unwrap();
    assert_eq!(question.kind, PostKind::Question);
    let first = answer(&cy, question.id, None, "Try the wiki?").await;
    let good = answer(&bo, question.id, None, "It is in the **handbook**.").await;
    let reply = answer(&ada, question.id, Some(good.id), "Thanks!").await;
    assert_eq!(
        listed(&cy, Some("unanswered")).await,
        vec![other.id, question.id]
    );
    assert!(listed(&cy, Some("answered")).await.is_empty());

    // Only the asker (or an administrator, or a group admin) accepts; a reply is not an answer.
    let refused = cy
        .run(accept(question.id, Some(first.id)))
        .await
        .unwrap_err();
    assert!(matches!(refused, AppError::Forbidden(_)), "{refused:?}");
    let refused = ada
        .run(accept(question.id, Some(reply.id)))
        .await
        .unwrap_err();
    assert!(matches!(refused, AppError::Invalid(_)), "{refused:?}");
    let elsewhere = answer(&bo, other.id, None, "Probably Ops.").await;
    let refused = ada
        .run(accept(question.id, Some(elsewhere.id)))
        .await
        .unwrap_err();
    assert!(matches!(refused, AppError::Invalid(_)), "{refused:?}");
    let update = ada.post("Not a question").await;
    let refused = ada.run(accept(update.id, None)).await.unwrap_err();
    assert!(matches!(refused, AppError::Invalid(_)), "{refused:?}");

    ada.run(accept(question.id, Some(good.id))).await.unwrap();
    let seen = post(&cy, question.id).await;
    assert_eq!(seen.accepted, Some(good.id));
    let shown = seen.conversation.accepted.expect("the accepted answer");
    assert_eq!(shown.id, good.id);
    assert!(shown.body_html.contains("<strong>handbook</strong>"));
    let answering = seen.conversation.answering.expect("a question's answers");
    assert!(!answering.may_accept, "Cy did not ask");
    assert!(
        post(&ada, question.id)
            .await
            .conversation
            .answering
            .unwrap()
            .may_accept
    );
    assert_eq!(listed(&cy, Some("answered")).await, vec![question.id]);
    assert_eq!(listed(&cy, Some("unanswered")).await, vec![other.id]);
    assert_eq!(listed(&cy, None).await, vec![other.id, question.id]);

    // Bo hears of it; the profiles list it.
    let notices = bo.read(Notifications { before: None }).await.unwrap();
    let told = notices
        .notices
        .iter()
        .find(|n| n.kind == NoticeKind::Accepted)
        .expect("a notification");
    assert_eq!(told.text(), "Ada Asker accepted your answer");
    assert_eq!(
        told.href(),
        format!("/posts/{}#comment-{}", question.id, good.id)
    );
    let bos = cy
        .read(PersonQuestions { person_id: bo.id() })
        .await
        .unwrap();
    assert!(bos.asked.is_empty());
    assert_eq!(bos.answered.len(), 1);
    assert_eq!(bos.answered[0].href(true), told.href());
    let adas = cy
        .read(PersonQuestions {
            person_id: ada.id(),
        })
        .await
        .unwrap();
    let asked: Vec<i64> = adas.asked.iter().map(|q| q.id).collect();
    assert_eq!(asked, vec![other.id, question.id]);
    assert_eq!(adas.asked[1].title, "Where is the style guide?");

    // Another answer replaces it; undoing opens the question again.
    ada.run(accept(question.id, Some(first.id))).await.unwrap();
    assert_eq!(post(&cy, question.id).await.accepted, Some(first.id));
    ada.run(accept(question.id, None)).await.unwrap();
    let reopened = post(&cy, question.id).await;
    assert_eq!(reopened.accepted, None);
    assert!(reopened.conversation.accepted.is_none());
    assert_eq!(
        listed(&cy, Some("unanswered")).await,
        vec![other.id, question.id]
    );

    // Deleting the accepted answer opens the question again.
    ada.run(accept(question.id, Some(first.id))).await.unwrap();
    cy.run(DeleteItem {
        item: Item::comment(first.id).key(),
        base: None,
    })
    .await
    .unwrap();
    assert_eq!(post(&ada, question.id).await.accepted, None);
    assert!(listed(&ada, Some("answered")).await.is_empty());
}

#[tokio::test]
async fn in_a_group_its_admins_accept_and_only_members_see_its_questions() {
    let app = TestApp::spawn().await;
    let owner = app.person_after_setup("Olga Owner").await;
    let asker = app.person("Ann Member").await;
    let outsider = app.person("Oscar Outside").await;
    let admin = app.admin("Ida Administrator").await;
    let group = owner
        .run(CreateGroup {
            name: "Leads".into(),
            description: String::new(),
            about: String::new(),
            visibility: Visibility::Private.key().into(),
        })
        .await
        .unwrap();
    let lunch_group = owner
        .run(CreateGroup {
            name: "Falcon".into(),
            description: String::new(),
            about: String::new(),
            visibility: Visibility::Public.key().into(),
        })
        .await
        .unwrap();
    asker.run(JoinGroup { id: lunch_group }).await.unwrap();
    asker.run(AskToJoin { id: group }).await.unwrap();
    owner
        .run(AnswerRequest {
            id: group,
            person: asker.id(),
            approve: true,
        })
        .await
        .unwrap();

    let question = asker
        .run(ask("Budget for Q3?", "Who signs it off?", Some(group)))
        .await
        .unwrap();
    let public = asker
        .run(ask("Anyone for lunch?", "At noon.", Some(lunch_group)))
        .await
        .unwrap();
    let reply = answer(&owner, question.id, None, "Olga does.").await;

    // The outsider sees the public group's question only, anywhere.
    assert_eq!(listed(&outsider, None).await, vec![public.id]);
    let refused = outsider.run(accept(question.id, Some(reply.id))).await;
    assert_eq!(refused.unwrap_err(), AppError::NotFound);

    // The group's owner (an admin of it) accepts, though she did not ask.
    owner
        .run(accept(question.id, Some(reply.id)))
        .await
        .unwrap();
    let filtered = owner
        .read(Group {
            id: group,
            filter: Some("answered".into()),
            before: None,
        })
        .await
        .unwrap();
    let ids: Vec<i64> = filtered.posts.unwrap().posts.iter().map(|p| p.id).collect();
    assert_eq!(ids, vec![question.id]);
    let open = owner
        .read(Group {
            id: group,
            filter: Some("unanswered".into()),
            before: None,
        })
        .await
        .unwrap();
    assert!(open.posts.unwrap().posts.is_empty());

    // The outsider's view of the answerer's profile does not name the private question; an
    // administrator of the organization may accept anywhere they can read.
    let lists = outsider
        .read(PersonQuestions {
            person_id: owner.id(),
        })
        .await
        .unwrap();
    assert!(lists.answered.is_empty(), "{lists:?}");
    // (Only members take part in a group's conversations, public groups' too.)
    outsider.run(JoinGroup { id: lunch_group }).await.unwrap();
    let lunch = answer(&outsider, public.id, None, "Count me in.").await;
    admin.run(accept(public.id, Some(lunch.id))).await.unwrap();
    let lists = outsider
        .read(PersonQuestions {
            person_id: outsider.id(),
        })
        .await
        .unwrap();
    assert_eq!(lists.answered.len(), 1);
    assert_eq!(lists.answered[0].id, public.id);
}

#[tokio::test]
async fn without_javascript_questions_are_asked_filtered_and_accepted() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Asker").await;
    let bo = app.person("Bo Answerer").await;

    // The composer offers the kinds and the title.
    let home = ada.open("/").await;
    for field in [
        "Update",
        "Discussion",
        "Question",
        "Title",
        "Share an update",
    ] {
        assert!(home.has_field(field), "{field}");
    }

    // A refused question comes back with what was typed.
    let response = ada
        .submit_form(
            "/",
            "create_post",
            &[
                ("body", "Details here"),
                ("kind", "question"),
                ("title", ""),
            ],
        )
        .await;
    let back = location(&response);
    assert!(back.contains("error=post-title-missing"), "{back}");
    let page = ada.open(&back).await;
    assert_eq!(
        page.alert().as_deref(),
        Some("Give your discussion or question a title.")
    );
    assert_eq!(
        page.field("Share an update").as_deref(),
        Some("Details here")
    );

    let response = ada
        .submit_form(
            "/",
            "create_post",
            &[
                ("body", "Details here"),
                ("kind", "question"),
                ("title", "<img src=x onerror=alert(1)> Where is the wiki?"),
            ],
        )
        .await;
    assert_eq!(location(&response), "/");
    let questions = ada.open("/questions").await;
    assert!(
        questions.link("Questions").is_some(),
        "the header links here"
    );
    for filter in ["All", "Unanswered", "Answered"] {
        assert!(questions.link(filter).is_some(), "{filter}");
    }
    let titles = questions.texts(".post-title a");
    assert_eq!(
        titles,
        vec!["<img src=x onerror=alert(1)> Where is the wiki?"]
    );
    assert!(
        questions.texts("img[src=x]").is_empty(),
        "the title is text"
    );
    let id: i64 = questions
        .link("<img src=x onerror=alert(1)> Where is the wiki?")
        .and_then(|href| href.strip_prefix("/posts/")?.parse().ok())
        .expect("the title links to the question");

    let good = answer(&bo, id, None, "On the intranet.").await;
    let permalink = format!("/posts/{id}");
    assert!(!bo.open(&permalink).await.has_button("Accept answer"));
    let page = ada.open(&permalink).await;
    assert!(page.has_button("Accept answer"));
    assert!(!page.has_region("Accepted answer"));
    let response = ada
        .submit_form(
            &permalink,
            "set_accepted_answer",
            &[
                ("post_id", &id.to_string()),
                ("comment_id", &good.id.to_string()),
            ],
        )
        .await;
    assert_eq!(location(&response), permalink);
    let page = bo.open(&permalink).await;
    let shown = page.region_text("Accepted answer").expect("shown first");
    assert!(shown.contains("On the intranet."), "{shown}");
    assert!(!page.has_button("Accept answer"));
    let page = ada.open(&permalink).await;
    assert!(page.has_button("Undo acceptance"));

    let answered = ada.open("/questions?filter=answered").await;
    assert_eq!(answered.texts(".post-title a").len(), 1);
    let unanswered = ada.open("/questions?filter=unanswered").await;
    assert!(unanswered.texts(".post-title a").is_empty());
    assert!(unanswered.text().contains("No unanswered questions"));
    let profile = ada.open(&format!("/people/{}", bo.viewer.handle)).await;
    assert!(profile.has_region("Accepted answers by Bo Answerer"));
}
