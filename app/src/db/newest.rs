//! The newest rows for each of a list of values (an audience, a post), each bounded by its own
//! index range: the shape of every feed page and of the cards' latest comments.
use super::Dialect;

/// SQL for a set of ids (to use as `IN (...)`; it may hold an id twice): for each of the
/// parameters `$first..` (`count` of them), the ids of the newest `limit` rows of `table` whose
/// `column` equals it and that match `filter` (`""` for all). Each is a bounded backward range
/// scan of a `(column, id)` index.
///
/// SQLite runs one branch per value, named `{name}_{i}`. PostgreSQL plans every statement with
/// its values (`db::connect`), and planning a branch per value cost more than running them (52
/// branches: 4 ms a feed page, against 1 ms to run); there the values are one array that a
/// single LATERAL subquery walks, planned once however many values there are.
pub fn newest_per_value(
    dialect: Dialect,
    (table, column, filter): (&str, &str, &str),
    (first, count): (usize, usize),
    limit: usize,
    name: &str,
) -> Vec<String> {
    let and_filter = if filter.is_empty() {
        String::new()
    } else {
        format!("{filter} AND ")
    };
    match dialect {
        Dialect::Sqlite => (0..count)
            .map(|i| {
                format!(
                    "SELECT id FROM (SELECT id FROM {table} WHERE {and_filter}{column} = ${} \
                     ORDER BY id DESC LIMIT {limit}) AS {name}_{i}",
                    first + i
                )
            })
            .collect(),
        Dialect::Postgres if count == 0 => Vec::new(),
        Dialect::Postgres => {
            let values: Vec<String> = (first..first + count).map(|n| format!("${n}")).collect();
            vec![format!(
                "SELECT {name}.id FROM unnest(ARRAY[{}]) AS {name}_values(value) \
                 CROSS JOIN LATERAL (SELECT id FROM {table} WHERE {and_filter}\
                 {column} = {name}_values.value ORDER BY id DESC LIMIT {limit}) AS {name}",
                values.join(", ")
            )]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_has_a_branch_per_value_and_postgres_one_lateral_subquery() {
        let source = ("posts", "audience", "id < $1");
        assert_eq!(
            newest_per_value(Dialect::Sqlite, source, (2, 2), 21, "audience"),
            [
                "SELECT id FROM (SELECT id FROM posts WHERE id < $1 AND audience = $2 \
                 ORDER BY id DESC LIMIT 21) AS audience_0",
                "SELECT id FROM (SELECT id FROM posts WHERE id < $1 AND audience = $3 \
                 ORDER BY id DESC LIMIT 21) AS audience_1",
            ]
        );
        assert_eq!(
            newest_per_value(Dialect::Postgres, source, (2, 2), 21, "audience"),
            [
                "SELECT audience.id FROM unnest(ARRAY[$2, $3]) AS audience_values(value) \
              CROSS JOIN LATERAL (SELECT id FROM posts WHERE id < $1 AND \
              audience = audience_values.value ORDER BY id DESC LIMIT 21) AS audience"
            ]
        );
        assert!(newest_per_value(Dialect::Postgres, source, (2, 0), 21, "audience").is_empty());
        assert_eq!(
            newest_per_value(
                Dialect::Sqlite,
                ("comments", "post_id", ""),
                (1, 1),
                2,
                "latest"
            ),
            [
                "SELECT id FROM (SELECT id FROM comments WHERE post_id = $1 \
              ORDER BY id DESC LIMIT 2) AS latest_0"
            ]
        );
    }
}
