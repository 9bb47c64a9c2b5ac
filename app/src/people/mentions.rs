//! Mentions: `@handle` in a post or comment links to that person's profile, and tells the
//! writer's caller whom to notify. Read on the server from what was written.
use crate::db::Db;
use crate::ui::markdown;

/// A text rendered with its mentions, and the people it mentions.
pub struct Rendered {
    pub html: String,
    pub mentioned: Vec<i64>,
    /// The handles of `mentioned`, in the same order.
    handles: Vec<String>,
}

impl Rendered {
    /// The people it mentions whom `earlier_md` (the text it replaces) did not mention.
    pub fn newly_mentioned(&self, earlier_md: &str) -> Vec<i64> {
        let earlier = markdown::mentioned_handles(earlier_md);
        self.handles
            .iter()
            .zip(&self.mentioned)
            .filter(|(handle, _)| !earlier.contains(handle))
            .map(|(_, &id)| id)
            .collect()
    }
}

/// Renders Markdown with each `@handle` of someone who exists linked to their profile.
pub async fn render(db: &Db, body_md: &str) -> Result<Rendered, sqlx::Error> {
    let handles = markdown::mentioned_handles(body_md);
    let (handles, mentioned) = super::store::ids_by_handles(db, &handles)
        .await?
        .into_iter()
        .unzip::<_, _, Vec<String>, Vec<i64>>();
    Ok(Rendered {
        html: markdown::render_mentioning(body_md, &handles),
        mentioned,
        handles,
    })
}
