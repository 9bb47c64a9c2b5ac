//! First-run setup: the organization's name, its allowed email domains, and the first
//! administrator. Once done, it is gone for good.
pub mod api;
pub mod model;
mod page;
#[cfg(feature = "ssr")]
pub mod store;

pub use page::SetupPage;

/// The organization's name, or None before setup. Read from the database until setup is done,
/// then from the process's copy.
#[cfg(feature = "ssr")]
pub async fn organization_name(
    state: &crate::state::AppState,
) -> Result<Option<String>, sqlx::Error> {
    if let Some(name) = state.organization_name.get() {
        return Ok(Some(name.clone()));
    }
    let name = store::organization(&state.db).await?.map(|org| org.name);
    if let Some(name) = &name {
        let _ = state.organization_name.set(name.clone());
    }
    Ok(name)
}
