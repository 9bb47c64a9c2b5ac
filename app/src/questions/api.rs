//! Server functions for questions: lists of them, a profile's, and accepting an answer.
use super::model::{QuestionsOf, QuestionsView};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// The questions the viewer may see, `filter`ed ("unanswered", "answered", or all), before
/// the cursor `before`, newest first.
#[server(endpoint = "questions", input = GetUrl, output = crate::api::Json)]
pub async fn questions(
    #[server(default)] filter: Option<String>,
    #[server(default)] before: Option<i64>,
) -> Result<QuestionsView, AppError> {
    server::questions(filter, before).await
}

/// What the person `person_id` asked, and their accepted answers, as far as the viewer may see.
#[server(endpoint = "person_questions", input = GetUrl, output = crate::api::Json)]
pub async fn person_questions(person_id: i64) -> Result<QuestionsOf, AppError> {
    server::person_questions(person_id).await
}

/// Accepts the answer `comment_id` to the question `post_id`, or with none takes the
/// acceptance back. A plain form: it comes back to the page it was sent from.
#[server(endpoint = "set_accepted_answer", output = crate::api::Json)]
pub async fn set_accepted_answer(
    post_id: i64,
    #[server(default)] comment_id: Option<i64>,
) -> Result<(), AppError> {
    crate::api::finish(server::set_accepted(post_id, comment_id).await, &[])
}

#[cfg(feature = "ssr")]
pub use server::answering;

#[cfg(feature = "ssr")]
mod server {
    use super::super::model::{self, QuestionFilter};
    use super::super::store;
    use crate::api::{read_scope, require_viewer, state};
    use crate::auth::{rate_limit, Viewer};
    use crate::conversations::model::{Answering, Item};
    use crate::error::AppError;
    use crate::notifications::{model::NoticeKind, store::NewNotice};
    use crate::posts::model::{PostKind, PostView};
    use crate::{policy, policy::Audience, state::AppState};

    pub async fn questions(
        filter: Option<String>,
        before: Option<i64>,
    ) -> Result<model::QuestionsView, AppError> {
        let (scope, state) = (read_scope()?, state()?);
        let filter = QuestionFilter::from_query(filter.as_deref());
        let page = store::page(&state.db, &scope, (filter, None), before).await?;
        let posts = crate::posts::api::with_conversations(&state.db, &scope, page).await?;
        Ok(model::QuestionsView { filter, posts })
    }

    pub async fn person_questions(person_id: i64) -> Result<model::QuestionsOf, AppError> {
        let (scope, state) = (read_scope()?, state()?);
        let list =
            |column| store::links(&state.db, &scope, (column, person_id), model::PROFILE_LIST);
        Ok(model::QuestionsOf {
            asked: list("author_id").await?,
            answered: list("answerer_id").await?,
        })
    }

    /// How the viewer may treat the answers of `post` (none unless it is a question): who may
    /// accept one is the policy's rule, from their standing with the post's group.
    pub async fn answering(
        state: &AppState,
        viewer: &Viewer,
        post: &PostView,
    ) -> Result<Option<Answering>, sqlx::Error> {
        if post.kind != PostKind::Question {
            return Ok(None);
        }
        let standing = match &post.group {
            Some(group) => crate::groups::store::standing(&state.db, group.id, viewer.id).await?,
            None => None,
        };
        Ok(Some(Answering {
            may_accept: policy::may_accept_answer(viewer, post.author_id, standing),
            accepted: post.accepted,
        }))
    }

    pub async fn set_accepted(post_id: i64, comment_id: Option<i64>) -> Result<(), AppError> {
        let (viewer, scope, state) = (require_viewer()?, read_scope()?, state()?);
        let db = &state.db;
        let post = crate::posts::store::post(db, &scope, post_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let Some(answering) = answering(&state, &viewer, &post).await? else {
            return Err(AppError::invalid(model::NOT_A_QUESTION));
        };
        if !answering.may_accept {
            return Err(AppError::forbidden(model::CANNOT_ACCEPT));
        }
        let answer = match comment_id {
            Some(id) => match crate::conversations::store::comment_place(db, &scope, id).await? {
                Some(place)
                    if place.post_id == post_id && place.thread_id == id && !place.removed =>
                {
                    Some((id, place.author_id))
                }
                _ => return Err(AppError::invalid(model::NOT_AN_ANSWER)),
            },
            None => None,
        };
        rate_limit::per_person(&state.limiter, rate_limit::EDITS_PER_PERSON, viewer.id)?;
        let audience = crate::posts::store::audience(db, &scope, post_id)
            .await?
            .unwrap_or(Audience::Organization);
        let mut tx = crate::db::begin_write(db).await?;
        store::accept(&mut tx, post_id, answer).await?;
        if let Some((comment, answerer)) = answer.filter(|_| answering.accepted != comment_id) {
            let notice = NewNotice {
                person_id: answerer,
                kind: NoticeKind::Accepted,
                actor_id: viewer.id,
                item: Some(Item::comment(comment)),
                post_id: Some(post_id),
                audience,
                group_id: None,
                detail: None,
            };
            crate::notifications::api::tell(&mut tx, notice).await?;
        }
        tx.commit().await?;
        state.events.written();
        Ok(())
    }
}
