use leptos::{either::Either, prelude::*};

/// Up to two initials of a name: "Ada Lovelace" gives "AL".
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().next())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

/// A person's photo, or a round badge with their initials coloured by their handle.
/// Decorative: the name is always written next to it. `shown` is its width in CSS pixels
/// (what the stylesheet gives it), so the browser fetches the smallest sharp size.
#[component]
pub fn Avatar(
    #[prop(into)] name: String,
    #[prop(into)] handle: String,
    #[prop(default = None)] photo: Option<i64>,
    #[prop(default = 40)] shown: u32,
) -> impl IntoView {
    if let Some(id) = photo {
        let (src, srcset) = crate::media::model::photo_sources(id, shown);
        return Either::Left(view! {
            <img class="avatar photo" src=src srcset=srcset alt="" width=shown.to_string()
                height=shown.to_string() loading="lazy" decoding="async"/>
        });
    }
    let hue = handle
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32))
        % 6;
    Either::Right(view! {
        <span class=format!("avatar avatar-{hue}") aria-hidden="true">{initials(&name)}</span>
    })
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
