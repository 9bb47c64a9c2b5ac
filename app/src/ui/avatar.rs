use leptos::prelude::*;

/// Up to two initials of a name: "Ada Lovelace" gives "AL".
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().next())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

/// A round badge with a person's initials, coloured by their handle. Decorative: the name is
/// always written next to it.
#[component]
pub fn Avatar(#[prop(into)] name: String, #[prop(into)] handle: String) -> impl IntoView {
    let hue = handle
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32))
        % 6;
    view! {
        <span class=format!("avatar avatar-{hue}") aria-hidden="true">{initials(&name)}</span>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn initials_of_names() {
        assert_eq!(super::initials("Ada Lovelace"), "AL");
        assert_eq!(super::initials("ada"), "A");
        assert_eq!(super::initials("Jean Paul Sartre"), "JP");
    }
}
