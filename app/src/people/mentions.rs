//! Mentions: `@handle` in a post or comment links to that person's profile, and tells the
//! writer's caller whom to notify. Read on the server from what was written.
use crate::db::Db;
use crate::ui::markdown;

/// A text rendered with its mentions, and the people it mentions.
pub struct Rendered {
    pub html: String,
    pub mentioned: Vec<i64>,
}

/// Renders Markdown with each `@handle` of someone who exists linked to their profile.
pub async fn render(db: &Db, body_md: &str) -> Result<Rendered, sqlx::Error> {
    let handles = markdown::mentioned_handles(body_md);
    let people = super::store::ids_by_handles(db, &handles).await?;
    let known: Vec<String> = people.iter().map(|(handle, _)| handle.clone()).collect();
    Ok(Rendered {
        html: markdown::render_mentioning(body_md, &known),
        mentioned: people.into_iter().map(|(_, id)| id).collect(),
    })
}
