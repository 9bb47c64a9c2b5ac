use super::model::MIN_PASSWORD_CHARS;
use crate::ui::TextField;
use leptos::prelude::*;

/// The password field of forms that create an account.
#[component]
pub fn NewPasswordField() -> impl IntoView {
    view! {
        <TextField
            label="Password"
            name="password"
            kind="password"
            autocomplete="new-password"
            required=true
            hint=format!("At least {MIN_PASSWORD_CHARS} characters.")
        />
    }
}
