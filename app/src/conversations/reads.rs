//! What pages show of conversations, put together from the store in a fixed number of
//! statements: for a page of feed cards, one for the latest comments of all of them, one for
//! all their counts and one for the viewer's reactions, whatever the page holds.
use super::model::{
    Answering, CommentView, CommentsCursor, CommentsPage, Conversation, Item, ReactionCounts,
    ReactionKind, Reactions, CARD_COMMENTS,
};
use super::store;
use crate::db::Db;
use crate::policy::ReadScope;
use std::collections::HashMap;

/// The conversations of feed cards (posts the caller read with `scope`): each post's
/// reactions, comment count and latest comments. `live_after` is the page's.
pub async fn for_cards(
    db: &Db,
    scope: &ReadScope,
    post_ids: &[i64],
    live_after: i64,
) -> Result<HashMap<i64, Conversation>, sqlx::Error> {
    let mut comments = store::latest_comments(db, scope, post_ids, CARD_COMMENTS).await?;
    let posts: Vec<Item> = post_ids.iter().copied().map(Item::post).collect();
    let known = with_reactions(db, scope, &mut comments, &posts).await?;
    let mut found: HashMap<i64, Conversation> = post_ids
        .iter()
        .map(|&id| (id, known.conversation(id, Vec::new(), None, live_after)))
        .collect();
    for comment in comments {
        if let Some(conversation) = found.get_mut(&comment.post_id) {
            conversation.comments.push(comment);
        }
    }
    Ok(found)
}

/// The accepted answers of the questions among `posts` (read with `scope`), with how their
/// answers show to a viewer who may not accept (the post's page asks the policy instead).
pub async fn with_accepted(
    db: &Db,
    scope: &ReadScope,
    posts: &mut [crate::posts::model::PostView],
) -> Result<(), sqlx::Error> {
    use crate::posts::model::PostKind;
    let ids: Vec<i64> = posts.iter().filter_map(|p| p.accepted).collect();
    let mut answers = store::comments_by_id(db, scope, &ids).await?;
    for post in posts.iter_mut().filter(|p| p.kind == PostKind::Question) {
        let conversation = &mut post.conversation;
        if conversation.answering.is_none() {
            conversation.answering = Some(Answering {
                may_accept: false,
                accepted: post.accepted,
            });
        }
        if let Some(at) = answers.iter().position(|c| Some(c.id) == post.accepted) {
            conversation.accepted = Some(answers.swap_remove(at));
        }
    }
    Ok(())
}

/// A post's whole conversation as its own page shows it: a page of comments, thread by thread,
/// after `after` (from the first without). The caller read the post with `scope`.
pub async fn for_post(
    db: &Db,
    scope: &ReadScope,
    post_id: i64,
    after: Option<CommentsCursor>,
) -> Result<Conversation, sqlx::Error> {
    let live_after = crate::events::store::head(db).await?;
    let mut page = store::comments_page(db, scope, post_id, after).await?;
    let known = with_reactions(db, scope, &mut page.comments, &[Item::post(post_id)]).await?;
    Ok(known.conversation(post_id, page.comments, page.next, live_after))
}

/// The page of a post's comments after `after`, if `scope` may see the post.
pub async fn comments_after(
    db: &Db,
    scope: &ReadScope,
    post_id: i64,
    after: CommentsCursor,
) -> Result<Option<CommentsPage>, sqlx::Error> {
    if crate::posts::store::audience(db, scope, post_id)
        .await?
        .is_none()
    {
        return Ok(None);
    }
    let mut page = store::comments_page(db, scope, post_id, Some(after)).await?;
    with_reactions(db, scope, &mut page.comments, &[]).await?;
    Ok(Some(page))
}

/// Counts and the viewer's own reactions, as read for a set of items.
struct Known {
    counts: HashMap<Item, (i64, ReactionCounts)>,
    mine: HashMap<Item, ReactionKind>,
}

impl Known {
    fn reactions(&self, item: Item) -> Reactions {
        Reactions {
            counts: self.counts.get(&item).map(|c| c.1).unwrap_or_default(),
            mine: self.mine.get(&item).copied(),
        }
    }

    fn conversation(
        &self,
        post_id: i64,
        comments: Vec<CommentView>,
        next: Option<CommentsCursor>,
        live_after: i64,
    ) -> Conversation {
        let post = Item::post(post_id);
        Conversation {
            reactions: self.reactions(post),
            comment_count: self.counts.get(&post).map(|c| c.0).unwrap_or(0),
            comments,
            next,
            live_after,
            answering: None,
            accepted: None,
        }
    }
}

/// Fills in the reactions of `comments`, and reads those of `also`, in two statements.
async fn with_reactions(
    db: &Db,
    scope: &ReadScope,
    comments: &mut [CommentView],
    also: &[Item],
) -> Result<Known, sqlx::Error> {
    let mut items = also.to_vec();
    items.extend(comments.iter().map(|c| Item::comment(c.id)));
    let known = Known {
        counts: store::counts(db, &items).await?,
        mine: store::reactions_of(db, scope.viewer_id(), &items).await?,
    };
    for comment in comments.iter_mut() {
        comment.reactions = known.reactions(Item::comment(comment.id));
    }
    Ok(known)
}
