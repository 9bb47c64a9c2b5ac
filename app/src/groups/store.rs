//! SQL for groups, their members, join requests and invitations. A group's `members` count is
//! changed by the same statements' transaction that changes `group_members`.
use super::model::{EditableGroup, GroupSummary, Member, NewGroup, Role, Standing, Visibility};
use super::Memberships;
use crate::db::{new_id, now_ms, Db};
use crate::follows::model::PersonLink;
use crate::policy::Audience;
use sqlx::{any::AnyRow, AnyConnection, Executor, Row};

/// The ids of the groups `person` belongs to: what their read scope holds. Read with every
/// signed-in request, as one row (a person in 50 groups cost 50 rows to decode).
pub async fn memberships(db: &Db, person: i64) -> Result<Memberships, sqlx::Error> {
    let sql = format!(
        "SELECT {} FROM (SELECT group_id AS id FROM group_members WHERE person_id = $1) AS mine",
        crate::db::ID_LIST
    );
    let list = sqlx::query_scalar(&sql).bind(person).fetch_one(db).await?;
    Ok(Memberships(crate::db::id_list(list).into()))
}

/// The columns of a [`Standing`] of the person `$viewer` with the group `g`.
fn standing_columns(viewer: &str) -> String {
    format!(
        "g.visibility, \
         (SELECT role FROM group_members m WHERE m.group_id = g.id AND m.person_id = {viewer}), \
         (SELECT COUNT(*) FROM group_invitations i WHERE i.group_id = g.id AND i.person_id = {viewer}), \
         (SELECT COUNT(*) FROM group_requests r WHERE r.group_id = g.id AND r.person_id = {viewer})"
    )
}

/// A [`Standing`] from the columns of [`standing_columns`], starting at `at`.
fn standing_from_row(row: &AnyRow, at: usize) -> Result<Standing, sqlx::Error> {
    let visibility: String = row.try_get(at)?;
    let role: Option<String> = row.try_get(at + 1)?;
    Ok(Standing {
        visibility: Visibility::from_key(&visibility).unwrap_or(Visibility::Secret),
        role: role.as_deref().and_then(Role::from_key),
        invited: row.try_get::<i64, _>(at + 2)? > 0,
        requested: row.try_get::<i64, _>(at + 3)? > 0,
    })
}

/// Where `person` stands with the group `group_id`; `None` if there is no such group.
pub async fn standing(
    conn: impl Executor<'_, Database = sqlx::Any>,
    group_id: i64,
    person: i64,
) -> Result<Option<Standing>, sqlx::Error> {
    let sql = format!(
        "SELECT {} FROM groups g WHERE g.id = $1",
        standing_columns("$2")
    );
    let row = sqlx::query(&sql)
        .bind(group_id)
        .bind(person)
        .fetch_optional(conn)
        .await?;
    row.map(|row| standing_from_row(&row, 0)).transpose()
}

const SUMMARY_COLUMNS: &str = "g.id, g.name, g.description, g.visibility, g.members";

fn summary_from_row(row: &AnyRow, joined: bool) -> Result<GroupSummary, sqlx::Error> {
    let visibility: String = row.try_get(3)?;
    Ok(GroupSummary {
        id: row.try_get(0)?,
        name: row.try_get(1)?,
        description: row.try_get(2)?,
        visibility: Visibility::from_key(&visibility).unwrap_or(Visibility::Secret),
        members: row.try_get(4)?,
        joined,
    })
}

/// The group `id` with its About, and where `viewer` stands with it; `None` if there is no
/// such group. The caller asks the policy whether the viewer may know it.
pub async fn group(
    db: &Db,
    id: i64,
    viewer: i64,
) -> Result<Option<(GroupSummary, String, Standing)>, sqlx::Error> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS}, g.about_html, {} FROM groups g WHERE g.id = $1",
        standing_columns("$2")
    );
    let row = sqlx::query(&sql)
        .bind(id)
        .bind(viewer)
        .fetch_optional(db)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let standing = standing_from_row(&row, 6)?;
    let summary = summary_from_row(&row, standing.role.is_some())?;
    Ok(Some((summary, row.try_get(5)?, standing)))
}

/// The group `id`'s name (empty if there is none). The caller knows the viewer may know it.
pub async fn name(db: &Db, id: i64) -> Result<String, sqlx::Error> {
    let name: Option<String> = sqlx::query_scalar("SELECT name FROM groups WHERE id = $1")
        .bind(id)
        .fetch_optional(db)
        .await?;
    Ok(name.unwrap_or_default())
}

/// The group `id`'s fields as its edit form starts from them.
pub async fn fields(db: &Db, id: i64) -> Result<Option<EditableGroup>, sqlx::Error> {
    let row =
        sqlx::query("SELECT name, description, about_md, visibility FROM groups WHERE id = $1")
            .bind(id)
            .fetch_optional(db)
            .await?;
    let Some(row) = row else { return Ok(None) };
    let visibility: String = row.try_get(3)?;
    Ok(Some(EditableGroup {
        id,
        name: row.try_get(0)?,
        description: row.try_get(1)?,
        about: row.try_get(2)?,
        visibility: Visibility::from_key(&visibility).unwrap_or(Visibility::Secret),
    }))
}

/// Gives the group `id` new fields, inside the caller's transaction. Its posts keep their
/// audience: who may read them follows the new visibility at once.
pub async fn update(
    conn: &mut AnyConnection,
    id: i64,
    fields: &NewGroup,
    about_html: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE groups SET name = $1, description = $2, about_md = $3, about_html = $4, \
         visibility = $5 WHERE id = $6",
    )
    .bind(&fields.name)
    .bind(&fields.description)
    .bind(&fields.about_md)
    .bind(about_html)
    .bind(fields.visibility.key())
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Stores a new group with `owner` as its owner, inside the caller's transaction; its id.
pub async fn create(
    conn: &mut AnyConnection,
    new: &NewGroup,
    about_html: &str,
    owner: i64,
) -> Result<i64, sqlx::Error> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO groups (id, name, description, about_md, about_html, visibility, audience, \
         members, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, $9)",
    )
    .bind(id)
    .bind(&new.name)
    .bind(&new.description)
    .bind(&new.about_md)
    .bind(about_html)
    .bind(new.visibility.key())
    .bind(Audience::Group(id).key())
    .bind(owner)
    .bind(now_ms())
    .execute(&mut *conn)
    .await?;
    add_member(conn, id, owner, Role::Owner).await?;
    Ok(id)
}

/// Makes `person` a member with `role` (taking up their invitation or request), inside the
/// caller's transaction; whether they were not one already.
pub async fn add_member(
    conn: &mut AnyConnection,
    group_id: i64,
    person: i64,
    role: Role,
) -> Result<bool, sqlx::Error> {
    let added = sqlx::query(
        "INSERT INTO group_members (group_id, person_id, role, joined_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (group_id, person_id) DO NOTHING",
    )
    .bind(group_id)
    .bind(person)
    .bind(role.key())
    .bind(now_ms())
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1;
    if added {
        count_members(conn, group_id, 1).await?;
    }
    forget_invitation(conn, group_id, person).await?;
    forget_request(conn, group_id, person).await?;
    Ok(added)
}

/// Takes `person` out of the group, inside the caller's transaction; whether they were in it.
pub async fn remove_member(
    conn: &mut AnyConnection,
    group_id: i64,
    person: i64,
) -> Result<bool, sqlx::Error> {
    let removed = sqlx::query("DELETE FROM group_members WHERE group_id = $1 AND person_id = $2")
        .bind(group_id)
        .bind(person)
        .execute(&mut *conn)
        .await?
        .rows_affected()
        == 1;
    if removed {
        count_members(conn, group_id, -1).await?;
    }
    Ok(removed)
}

async fn count_members(
    conn: &mut AnyConnection,
    group_id: i64,
    change: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE groups SET members = members + $1 WHERE id = $2")
        .bind(change)
        .bind(group_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// `person`'s role in the group, if they are a member.
pub async fn role(
    conn: impl Executor<'_, Database = sqlx::Any>,
    group_id: i64,
    person: i64,
) -> Result<Option<Role>, sqlx::Error> {
    let role: Option<String> =
        sqlx::query_scalar("SELECT role FROM group_members WHERE group_id = $1 AND person_id = $2")
            .bind(group_id)
            .bind(person)
            .fetch_optional(conn)
            .await?;
    Ok(role.as_deref().and_then(Role::from_key))
}

/// Gives a member another role, inside the caller's transaction.
pub async fn set_role(
    conn: &mut AnyConnection,
    group_id: i64,
    person: i64,
    role: Role,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE group_members SET role = $1 WHERE group_id = $2 AND person_id = $3")
        .bind(role.key())
        .bind(group_id)
        .bind(person)
        .execute(conn)
        .await?;
    Ok(())
}

/// How many owners the group has.
pub async fn owners(conn: &mut AnyConnection, group_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM group_members WHERE group_id = $1 AND role = 'owner'")
        .bind(group_id)
        .fetch_one(conn)
        .await
}

/// Records that `person` asks to join, inside the caller's transaction.
pub async fn add_request(
    conn: &mut AnyConnection,
    group_id: i64,
    person: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO group_requests (group_id, person_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (group_id, person_id) DO NOTHING",
    )
    .bind(group_id)
    .bind(person)
    .bind(now_ms())
    .execute(conn)
    .await?;
    Ok(())
}

/// Drops `person`'s request to join; whether there was one.
pub async fn forget_request(
    conn: &mut AnyConnection,
    group_id: i64,
    person: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM group_requests WHERE group_id = $1 AND person_id = $2")
        .bind(group_id)
        .bind(person)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Invites `person` (unless they are a member or invited already), inside the caller's
/// transaction; whether this made a new invitation.
pub async fn add_invitation(
    conn: &mut AnyConnection,
    group_id: i64,
    person: i64,
    invited_by: i64,
) -> Result<bool, sqlx::Error> {
    if role(&mut *conn, group_id, person).await?.is_some() {
        return Ok(false);
    }
    let done = sqlx::query(
        "INSERT INTO group_invitations (group_id, person_id, invited_by, created_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (group_id, person_id) DO NOTHING",
    )
    .bind(group_id)
    .bind(person)
    .bind(invited_by)
    .bind(now_ms())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Drops `person`'s invitation; whether there was one.
pub async fn forget_invitation(
    conn: &mut AnyConnection,
    group_id: i64,
    person: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM group_invitations WHERE group_id = $1 AND person_id = $2")
        .bind(group_id)
        .bind(person)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The groups `viewer` may know of whose name contains `q` (all when empty): theirs first,
/// then by name. Invitations are listed apart ([`invitations`]).
pub async fn directory(
    db: &Db,
    viewer: i64,
    q: &str,
    limit: usize,
) -> Result<Vec<GroupSummary>, sqlx::Error> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS}, \
         CAST(CASE WHEN g.id IN (SELECT group_id FROM group_members WHERE person_id = $1) \
         THEN 1 ELSE 0 END AS BIGINT) AS mine \
         FROM groups g WHERE {} AND LOWER(g.name) LIKE $2 ESCAPE '\\' \
         ORDER BY mine DESC, LOWER(g.name), g.id LIMIT {limit}",
        crate::policy::known_groups_sql("g", "$1")
    );
    let rows = sqlx::query(&sql)
        .bind(viewer)
        .bind(format!("%{}%", like_escaped(&q.to_lowercase())))
        .fetch_all(db)
        .await?;
    rows.iter()
        .map(|row| summary_from_row(row, row.try_get::<i64, _>(5)? > 0))
        .collect()
}

/// `text` for inside a LIKE pattern: its `%`, `_` and `\` match themselves.
fn like_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The groups `person` is invited to and has not answered, newest invitation first.
pub async fn invitations(db: &Db, person: i64) -> Result<Vec<GroupSummary>, sqlx::Error> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM group_invitations i JOIN groups g ON g.id = i.group_id \
         WHERE i.person_id = $1 ORDER BY i.created_at DESC"
    );
    let rows = sqlx::query(&sql).bind(person).fetch_all(db).await?;
    rows.iter()
        .map(|row| summary_from_row(row, false))
        .collect()
}

/// The groups `person` belongs to, by name: where they can post.
pub async fn mine(db: &Db, person: i64) -> Result<Vec<GroupSummary>, sqlx::Error> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM group_members m JOIN groups g ON g.id = m.group_id \
         WHERE m.person_id = $1 ORDER BY LOWER(g.name), g.id"
    );
    let rows = sqlx::query(&sql).bind(person).fetch_all(db).await?;
    rows.iter().map(|row| summary_from_row(row, true)).collect()
}

/// The group's members: owners, then admins, then members, each by name.
pub async fn members(db: &Db, group_id: i64) -> Result<Vec<Member>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT u.id, u.handle, u.name, p.photo_id, m.role FROM group_members m \
         JOIN users u ON u.id = m.person_id LEFT JOIN profiles p ON p.user_id = u.id \
         WHERE m.group_id = $1 \
         ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END, u.name, u.id",
    )
    .bind(group_id)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            let role: String = row.try_get(4)?;
            Ok(Member {
                person: person_from_row(row)?,
                role: Role::from_key(&role).unwrap_or(Role::Member),
            })
        })
        .collect()
}

/// The people asking to join, oldest request first.
pub async fn requests(db: &Db, group_id: i64) -> Result<Vec<PersonLink>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT u.id, u.handle, u.name, p.photo_id FROM group_requests r \
         JOIN users u ON u.id = r.person_id LEFT JOIN profiles p ON p.user_id = u.id \
         WHERE r.group_id = $1 ORDER BY r.created_at, u.id",
    )
    .bind(group_id)
    .fetch_all(db)
    .await?;
    rows.iter().map(person_from_row).collect()
}

/// How many people ask to join.
pub async fn request_count(db: &Db, group_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM group_requests WHERE group_id = $1")
        .bind(group_id)
        .fetch_one(db)
        .await
}

fn person_from_row(row: &AnyRow) -> Result<PersonLink, sqlx::Error> {
    Ok(PersonLink {
        id: row.try_get(0)?,
        handle: row.try_get(1)?,
        name: row.try_get(2)?,
        photo: row.try_get(3)?,
    })
}

/// A group made by the seed command, with its members (the first is its owner).
pub struct SeedGroup {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub visibility: Visibility,
    pub members: Vec<i64>,
    pub created_at: i64,
}

/// Inserts many groups and their members (the seed's bulk path).
pub async fn insert_many(
    conn: &mut AnyConnection,
    groups: &[SeedGroup],
) -> Result<(), sqlx::Error> {
    let columns = [
        "id",
        "name",
        "description",
        "about_md",
        "about_html",
        "visibility",
        "audience",
        "members",
        "created_by",
        "created_at",
    ];
    crate::db::insert_rows(conn, "groups", &columns, groups, |query, g| {
        query
            .bind(g.id)
            .bind(&g.name)
            .bind(&g.description)
            .bind("")
            .bind("")
            .bind(g.visibility.key())
            .bind(Audience::Group(g.id).key())
            .bind(g.members.len() as i64)
            .bind(g.members[0])
            .bind(g.created_at)
    })
    .await?;
    let rows: Vec<(i64, i64, Role, i64)> = groups
        .iter()
        .flat_map(|g| {
            g.members.iter().enumerate().map(|(i, &person)| {
                let role = if i == 0 { Role::Owner } else { Role::Member };
                (g.id, person, role, g.created_at)
            })
        })
        .collect();
    let columns = ["group_id", "person_id", "role", "joined_at"];
    for chunk in rows.chunks(5_000) {
        crate::db::insert_rows(conn, "group_members", &columns, chunk, |query, m| {
            query.bind(m.0).bind(m.1).bind(m.2.key()).bind(m.3)
        })
        .await?;
    }
    Ok(())
}
