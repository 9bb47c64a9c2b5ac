use super::model::MIN_PASSWORD_CHARS;
use crate::ui::TextField;
use leptos::prelude::*;

/// The password field of forms that set a new password.
#[component]
pub fn NewPasswordField(#[prop(into, default = "Password".into())] label: String) -> impl IntoView {
    view! {
        <TextField
            label=label
            name="password"
            kind="password"
            autocomplete="new-password"
            required=true
            hint=format!("At least {MIN_PASSWORD_CHARS} characters.")
        />
    }
}
