//! A read scope: what one viewer may read, in the form a query can apply. Only the policy makes
//! one ([`super::read_scope`]), so a store that takes a `&ReadScope` cannot be called for
//! someone the policy has not looked at.

/// The audiences a viewer reads, and the viewer (who always reads what they wrote). Besides
/// these, everyone may read the posts of public groups: single items and pages that list what
/// one may read ([`Reach::Readable`]) take those in too, while feeds and the live stream keep
/// to the audiences the viewer belongs to ([`Reach::Subscribed`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadScope {
    viewer_id: i64,
    audiences: Vec<String>,
}

impl ReadScope {
    pub(super) fn new(viewer_id: i64, audiences: Vec<String>) -> ReadScope {
        ReadScope {
            viewer_id,
            audiences,
        }
    }

    pub fn viewer_id(&self) -> i64 {
        self.viewer_id
    }

    /// Whether what is for `audience` by `author_id` reaches this viewer's feeds and live
    /// stream: [`Reach::Subscribed`], for single items already in hand (a live event).
    pub fn may_see(&self, audience: &str, author_id: i64) -> bool {
        author_id == self.viewer_id || self.audiences.iter().any(|a| a == audience)
    }
}

/// Which of what a viewer may read a list takes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// The audiences the viewer belongs to (and what they wrote): feeds and the live stream.
    Subscribed,
    /// All they may read, public groups' posts included: a person's or a topic's posts.
    Readable,
}

#[cfg(feature = "ssr")]
mod sql {
    use super::{Reach, ReadScope};
    use crate::db::{newest_per_value, AnyQuery, Dialect};

    /// The audiences of the public groups, whose posts everyone may read.
    const PUBLIC_GROUP_AUDIENCES: &str = "SELECT audience FROM groups WHERE visibility = 'public'";

    impl ReadScope {
        /// The SQL condition that keeps the rows this scope may read, public groups' included:
        /// `audience` and `author` name the columns, and its parameters are numbered from
        /// `$first`. Bind them with [`Self::bind`], in this position.
        pub fn sql(&self, audience: &str, author: &str, first: usize) -> String {
            format!(
                "({author} = ${first} OR {audience} IN ({}) OR {audience} IN ({PUBLIC_GROUP_AUDIENCES}))",
                self.placeholders(first)
            )
        }

        /// [`Self::sql`] kept to [`Reach::Subscribed`]: what reaches this viewer's feeds and
        /// live stream.
        pub fn subscribed_sql(&self, audience: &str, author: &str, first: usize) -> String {
            format!(
                "({author} = ${first} OR {audience} IN ({}))",
                self.placeholders(first)
            )
        }

        fn placeholders(&self, first: usize) -> String {
            let list: Vec<String> = (0..self.audiences.len())
                .map(|i| format!("${}", first + 1 + i))
                .collect();
            list.join(", ")
        }

        /// SQL for the ids of the newest rows of `table` this scope may see that also match
        /// `filter` (whose own parameters come before `$first`): at most `limit` of them per
        /// audience and of the viewer's own, each a bounded range scan of an `(audience, id)`
        /// or `(author_id, id)` index ([`crate::db::newest_per_value`]). (A single
        /// `author_id = ? OR audience IN (...)` makes SQLite read and sort every match.)
        /// `table` has `id`, `author_id` and `audience` columns. Parameters as [`Self::sql`].
        /// [`Reach::Readable`] adds one branch for the posts of all public groups.
        pub fn visible_ids(
            &self,
            dialect: Dialect,
            table: &str,
            filter: &str,
            (first, limit): (usize, usize),
            reach: Reach,
        ) -> String {
            let branch = |name: &str, condition: String| {
                format!(
                    "SELECT id FROM (SELECT id FROM {table} WHERE {filter} AND {condition} \
                     ORDER BY id DESC LIMIT {limit}) AS {name}"
                )
            };
            let mut branches = vec![branch("own", format!("author_id = ${first}"))];
            branches.extend(newest_per_value(
                dialect,
                (table, "audience", filter),
                (first + 1, self.audiences.len()),
                limit,
                "audience",
            ));
            if reach == Reach::Readable {
                branches.push(branch(
                    "public_groups",
                    format!("audience IN ({PUBLIC_GROUP_AUDIENCES})"),
                ));
            }
            branches.join(" UNION ")
        }

        /// The columns `columns` of the row `id` of `table` (with `id`, `author_id` and
        /// `audience` columns), if this scope may see it: a single item, by the same rule.
        pub async fn visible_row(
            &self,
            db: &crate::db::Db,
            table: &str,
            columns: &str,
            id: i64,
        ) -> Result<Option<sqlx::any::AnyRow>, sqlx::Error> {
            let sql = format!(
                "SELECT {columns} FROM {table} WHERE id = $1 AND {}",
                self.sql("audience", "author_id", 2)
            );
            self.bind(sqlx::query(&sql).bind(id))
                .fetch_optional(db)
                .await
        }

        /// How many parameters [`Self::sql`] and [`Self::visible_ids`] use.
        pub fn parameters(&self) -> usize {
            1 + self.audiences.len()
        }

        pub fn bind<'q>(&'q self, query: AnyQuery<'q>) -> AnyQuery<'q> {
            let query = query.bind(self.viewer_id);
            self.audiences.iter().fold(query, |q, a| q.bind(a.as_str()))
        }
    }

    #[cfg(test)]
    mod tests {
        use super::ReadScope;

        #[test]
        fn the_condition_numbers_its_parameters_from_first() {
            let scope = ReadScope::new(7, vec!["org".into(), "person:7".into()]);
            assert_eq!(
                scope.subscribed_sql("p.audience", "p.author_id", 2),
                "(p.author_id = $2 OR p.audience IN ($3, $4))"
            );
            assert_eq!(
                scope.sql("p.audience", "p.author_id", 2),
                "(p.author_id = $2 OR p.audience IN ($3, $4) OR p.audience IN \
                 (SELECT audience FROM groups WHERE visibility = 'public'))"
            );
            assert_eq!(scope.parameters(), 3);
        }

        #[test]
        fn visible_ids_are_one_bounded_branch_per_audience_and_one_for_the_viewer() {
            let scope = ReadScope::new(7, vec!["org".into()]);
            assert_eq!(
                scope.visible_ids(
                    crate::db::Dialect::Sqlite,
                    "posts",
                    "id < $1",
                    (2, 21),
                    super::Reach::Subscribed
                ),
                "SELECT id FROM (SELECT id FROM posts WHERE id < $1 AND author_id = $2 \
                 ORDER BY id DESC LIMIT 21) AS own UNION \
                 SELECT id FROM (SELECT id FROM posts WHERE id < $1 AND audience = $3 \
                 ORDER BY id DESC LIMIT 21) AS audience_0"
            );
        }
    }
}
