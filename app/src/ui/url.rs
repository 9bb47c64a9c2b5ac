//! Small URL helpers shared by server and browser (no `url` crate in the WebAssembly).

use leptos::prelude::ReadUntracked;

/// The page's `:handle` in its route (the person a people page is about).
pub fn handle_param() -> String {
    route_param("handle")
}

/// The page's `:name` segment in its route, or nothing.
pub fn route_param(name: &str) -> String {
    leptos_router::hooks::use_params_map()
        .read_untracked()
        .get(name)
        .unwrap_or_default()
}

/// The page's `?before=` cursor, when it is a number.
pub fn before_param() -> Option<i64> {
    leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("before")
        .and_then(|b| b.parse::<i64>().ok())
}

/// Percent-encodes a query component.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// `page` with `fields` set in its query, replacing any earlier values of the same names.
pub fn with_query(page: &str, fields: &[(&str, String)]) -> String {
    let (path, query) = page.split_once('?').unwrap_or((page, ""));
    let mut pairs: Vec<String> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| {
            let name = pair.split('=').next().unwrap_or("");
            !fields.iter().any(|(field, _)| *field == name)
        })
        .map(str::to_string)
        .collect();
    pairs.extend(
        fields
            .iter()
            .filter(|(_, value)| !value.is_empty())
            .map(|(name, value)| format!("{name}={}", encode(value))),
    );
    if pairs.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", pairs.join("&"))
    }
}

/// Whether `target` is a path on this site, safe to redirect to. Browsers read `//host/x` and
/// `/\host/x` as another site's address, so those are not.
pub fn is_same_site_path(target: &str) -> bool {
    let mut chars = target.chars();
    chars.next() == Some('/')
        && !matches!(chars.next(), Some('/' | '\\'))
        && !target.chars().any(|c| c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_on_this_site_are_redirect_targets() {
        for good in ["/", "/people/ada", "/?before=12&error=x", "/posts/1#c"] {
            assert!(is_same_site_path(good), "{good}");
        }
        for bad in [
            "//evil.example/x",
            "/\\evil.example/x",
            "https://evil.example/",
            "evil",
            "",
            "/\tevil",
            "/a\nb",
        ] {
            assert!(!is_same_site_path(bad), "{bad}");
        }
    }

    #[test]
    fn replaces_fields_and_keeps_others() {
        let page = "/join?invite=abc&error=old";
        let url = with_query(page, &[("error", "Bad email & more".into())]);
        assert_eq!(url, "/join?invite=abc&error=Bad+email+%26+more");
    }

    #[test]
    fn plain_path_gets_a_query() {
        assert_eq!(with_query("/", &[("error", "x".into())]), "/?error=x");
        assert_eq!(with_query("/", &[("email", String::new())]), "/");
    }
}
