//! Form pieces: labelled fields, the error line, and idempotency keys.
use crate::api::ERROR_PARAM;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// A labelled input. `value` pre-fills it (for example from a failed plain form post).
#[component]
pub fn TextField(
    #[prop(into)] label: String,
    #[prop(into)] name: String,
    #[prop(into, default = "text".into())] kind: String,
    #[prop(into, optional)] value: String,
    #[prop(into, optional)] autocomplete: String,
    #[prop(optional)] required: bool,
    #[prop(into, optional)] hint: String,
) -> impl IntoView {
    let id = format!("field-{name}");
    let hint_id = format!("{id}-hint");
    let has_hint = !hint.is_empty();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type=kind
                value=value
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                required=required
                aria-describedby=has_hint.then(|| hint_id.clone())
            />
            {has_hint.then(|| view! { <p class="hint" id=hint_id>{hint}</p> })}
        </div>
    }
}

/// The error line of a form, announced to screen readers. On server-rendered pages `message`
/// is [`submitted_error`]; in an island it follows the form's action.
#[component]
pub fn FormError(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <p class="form-error" role="alert">{message}</p>
    }
}

/// Why the last plain form post failed: the server sends the person back to the form with the
/// problem's code in the address (see `api::finish`), and only a known code shows words.
/// Server-rendered pages only (it reads the route).
pub fn submitted_error() -> Option<String> {
    submitted_problem().map(|(_, text)| text.to_string())
}

/// The code and words of the last plain form post's problem, for a page with several forms
/// that shows each problem by the form it came from.
pub fn submitted_problem() -> Option<(String, &'static str)> {
    let code = use_query_map().read_untracked().get(ERROR_PARAM)?;
    let text = crate::problems::text_for(&code)?;
    Some((code, text))
}

/// A fresh key that makes a retried submission safe (the server keeps the first).
pub fn new_idempotency_key() -> String {
    #[cfg(feature = "hydrate")]
    let bits: [u32; 4] = std::array::from_fn(|_| (js_sys::Math::random() * u32::MAX as f64) as u32);
    #[cfg(feature = "ssr")]
    let bits: [u32; 4] = rand::random();
    #[cfg(not(any(feature = "hydrate", feature = "ssr")))]
    let bits = [0u32; 4];
    bits.iter().map(|b| format!("{b:08x}")).collect()
}
