//! Static files: the built CSS/JS/WASM (content-hashed, served precompressed with long cache
//! lifetimes), the web app manifest, icons, the offline page, and the service worker, whose
//! precache list is filled in from the files of this release.
use crate::config::Config;
use axum::{
    http::{header, HeaderValue},
    response::IntoResponse,
    routing::get,
    Router,
};
use leptos::config::LeptosOptions;
use std::path::Path;
use tower_http::{
    services::{ServeDir, ServeFile},
    set_header::SetResponseHeaderLayer,
};

/// Leptos settings for this server. Asset names are hashed when the build wrote `hash.txt`
/// next to the binary (release builds).
pub fn leptos_options(config: &Config) -> LeptosOptions {
    let hash_files = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt")))
        .is_some_and(|path| path.exists());
    LeptosOptions::builder()
        .output_name("commons")
        .site_root(config.site_root.to_string_lossy().to_string())
        .site_pkg_dir("pkg")
        .site_addr(config.bind)
        .hash_files(hash_files)
        .build()
}

pub fn routes<S: Clone + Send + Sync + 'static>(site_root: &Path, hashed: bool) -> Router<S> {
    let pkg_cache = if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let pkg = ServeDir::new(site_root.join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    let icons = ServeDir::new(site_root.join("icons"));
    let worker = ServiceWorker::load(site_root);
    Router::new()
        .nest_service(
            "/pkg",
            tower::ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::overriding(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static(pkg_cache),
                ))
                .service(pkg),
        )
        .nest_service(
            "/icons",
            tower::ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::overriding(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=86400"),
                ))
                .service(icons),
        )
        .route_service(
            "/manifest.webmanifest",
            ServeFile::new(site_root.join("manifest.webmanifest")),
        )
        .route_service(
            "/offline.html",
            ServeFile::new(site_root.join("offline.html")),
        )
        .route_service(
            "/offline.css",
            ServeFile::new(site_root.join("offline.css")),
        )
        .route_service("/pwa.js", ServeFile::new(site_root.join("pwa.js")))
        .route("/sw.js", get(move || ready_worker(worker.clone())))
}

/// The service worker script with this release's precache list filled in.
#[derive(Clone)]
struct ServiceWorker {
    script: Option<String>,
}

impl ServiceWorker {
    fn load(site_root: &Path) -> ServiceWorker {
        let script = std::fs::read_to_string(site_root.join("sw.js"))
            .ok()
            .map(|template| {
                let mut files = shell_files(site_root);
                files.sort();
                let version = files.iter().fold(0xcbf29ce484222325u64, |hash, file| {
                    file.bytes()
                        .fold(hash, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3))
                });
                let list = serde_json::to_string(&files).unwrap_or_else(|_| "[]".into());
                template
                    .replace("__PRECACHE__", &list)
                    .replace("__VERSION__", &format!("{version:016x}"))
            });
        ServiceWorker { script }
    }
}

/// The app shell: the built CSS, JS and WASM, the icons, and the offline page. Never a page with
/// anyone's data in it. The WebAssembly split off for lazy islands and functions
/// (`#[island(lazy)]`, `#[lazy]`, built with `cargo leptos build --split`) is left out: a first
/// visit would otherwise fetch what only later pages and actions use. The worker keeps each
/// such file once a page has loaded it.
fn shell_files(site_root: &Path) -> Vec<String> {
    let mut files: Vec<String> = [
        "/offline.html",
        "/offline.css",
        "/pwa.js",
        "/manifest.webmanifest",
    ]
    .map(String::from)
    .to_vec();
    for (dir, url) in [("pkg", "/pkg"), ("icons", "/icons")] {
        let entries = std::fs::read_dir(site_root.join(dir))
            .into_iter()
            .flatten()
            .flatten();
        for entry in entries {
            let name = entry.file_name().to_string_lossy().to_string();
            let wanted = [".css", ".js", ".wasm", ".png", ".svg"]
                .iter()
                .any(|ext| name.ends_with(ext));
            if wanted && !is_split_off(&name) {
                files.push(format!("{url}/{name}"));
            }
        }
    }
    files
}

/// Whether `name` is a part of the WebAssembly that only lazy islands and functions use: the
/// split tool names them `split_<function>.<hash>.wasm`, and the parts some of them share
/// `chunk_<n>.<hash>.wasm`. (`scripts/bench.sh` tells them apart by the same names.)
fn is_split_off(name: &str) -> bool {
    name.ends_with(".wasm") && (name.starts_with("split_") || name.starts_with("chunk_"))
}

async fn ready_worker(worker: ServiceWorker) -> impl IntoResponse {
    match worker.script {
        Some(script) => (
            [
                (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            script,
        )
            .into_response(),
        None => (
            axum::http::StatusCode::NOT_FOUND,
            "service worker not built",
        )
            .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::is_split_off;

    #[test]
    fn only_the_lazily_loaded_webassembly_is_split_off() {
        assert!(is_split_off(
            "split_directory_search_loader_1620.SC5qZBoK2zigm146eVJfkw.wasm"
        ));
        assert!(is_split_off("chunk_6.bLT37swhcch0FXiJBfrRKg.wasm"));
        assert!(!is_split_off("commons.3oJJdWIYS6XZHbq6RB4hbw.wasm"));
        assert!(!is_split_off("__wasm_split.SVdFAatIPGqeKzzsyP7nFA.js"));
        assert!(!is_split_off("split_notes.css"));
    }
}
