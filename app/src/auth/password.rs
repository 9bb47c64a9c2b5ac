//! Password hashing: Argon2id with 19 MiB of memory and 2 iterations (the OWASP baseline),
//! run off the async threads because it is deliberately slow.
use crate::error::AppError;
use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Algorithm, Argon2, Params, Version,
};
use std::sync::OnceLock;

fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid Argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub async fn hash(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
    })
    .await
    .map_err(|_| AppError::Internal)?
    .map_err(|error| {
        tracing::error!(%error, "password hashing failed");
        AppError::Internal
    })
}

/// Checks `password` against `stored`. With no stored hash (unknown email) it still does the
/// same work against a dummy hash, so the answer takes as long either way.
pub async fn verify(password: String, stored: Option<String>) -> bool {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let known = stored.is_some();
    let stored = match stored {
        Some(stored) => stored,
        None => match DUMMY.get() {
            Some(dummy) => dummy.clone(),
            None => match hash("not a real password".into()).await {
                Ok(dummy) => DUMMY.get_or_init(|| dummy).clone(),
                Err(_) => return false,
            },
        },
    };
    let matches = tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored)
            .map(|parsed| {
                hasher()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false);
    known && matches
}
