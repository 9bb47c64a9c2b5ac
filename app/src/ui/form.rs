//! Form pieces: labelled fields, the error line, island forms, and idempotency keys.
use crate::api::ERROR_PARAM;
use leptos::{html, prelude::*, server_fn::ServerFn};
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

/// Marks the page being made as one nobody should keep and show again (browsers, proxies, the
/// server's page cache): it carries a value made for this response alone, such as a plain
/// form's idempotency key. Called before the page's first `Suspense`, while headers can be set.
pub fn not_to_be_kept() {
    #[cfg(feature = "ssr")]
    if let Some(options) = use_context::<leptos_axum::ResponseOptions>() {
        options.insert_header(
            http::header::CACHE_CONTROL,
            http::HeaderValue::from_static("no-store"),
        );
    }
}

/// What an island's form keeps between submissions. The form is a plain `<form method="post">`
/// to the server function's address, so it works without JavaScript; in an island its submit
/// handler dispatches the action instead (no `ActionForm`: decoding form fields into arguments
/// costs the WebAssembly some 16 KB, and the handler knows them already).
pub struct IslandForm {
    /// The `<form>`, cleared after each success.
    pub node: NodeRef<html::Form>,
    /// The idempotency key of the next submission, fresh after each success.
    pub key: RwSignal<String>,
    /// What to show under the form: the last error, or `initial` (a failed plain post's reason)
    /// until the first answer.
    pub message: Signal<Option<String>>,
}

impl IslandForm {
    /// Follows `action`: a success goes to `on_ok`, then the form clears and takes a new key.
    pub fn follow<S>(
        action: ServerAction<S>,
        initial: Option<String>,
        on_ok: impl Fn(S::Output) + 'static,
    ) -> IslandForm
    where
        S: ServerFn + Clone + Send + Sync + 'static,
        S::Output: Clone + Send + Sync + 'static,
        S::Error: Clone + std::fmt::Display + Send + Sync + 'static,
    {
        let node = NodeRef::<html::Form>::new();
        let key = RwSignal::new(new_idempotency_key());
        Effect::new(move |_| {
            if let Some(Ok(made)) = action.value().get() {
                on_ok(made);
                key.set(new_idempotency_key());
                if let Some(form) = node.get_untracked() {
                    form.reset();
                }
            }
        });
        let message = Signal::derive(move || match action.value().get() {
            Some(Err(error)) => Some(error.to_string()),
            Some(Ok(_)) => None,
            None => initial.clone(),
        });
        IslandForm { node, key, message }
    }
}
