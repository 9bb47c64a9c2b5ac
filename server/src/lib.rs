//! The `commons` server: configuration, the axum router around the Leptos app, static and PWA
//! assets, the live events endpoint, and a graceful lifecycle.
pub mod assets;
pub mod config;
mod error_pages;
mod live;
mod media;
mod observability;
pub mod page_cache;
mod people_import;
mod security;
pub mod seed;
mod uploads;
mod valid_html;

use app::{
    auth::{known_sessions::KnownSessions, rate_limit::RateLimiter},
    db::Dialect,
    events::log::EventLog,
    shell,
    state::{AppState, SiteConfig},
    App,
};
use axum::{extract::Request, middleware, response::IntoResponse, routing::get, Extension, Router};
use config::Config;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, handle_server_fns_with_context, LeptosRoutes};
use std::{future::Future, net::SocketAddr, sync::Arc};
use tokio::{net::TcpListener, sync::watch};
use tower_http::{
    compression::{CompressionLayer, CompressionLevel},
    limit::RequestBodyLimitLayer,
    set_header::SetResponseHeaderLayer,
    timeout::TimeoutLayer,
};

pub use observability::init_logging;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// How long a stopping server waits for live streams to say goodbye.
const LIVE_GOODBYE: std::time::Duration = std::time::Duration::from_secs(5);

/// Largest request body accepted, but for uploads (which have their own, see `media`); a long
/// post is well under this.
const MAX_BODY_BYTES: usize = 256 * 1024;

/// The app's routes, found once per process by rendering `App`. While Leptos does that it turns
/// off resource loading for the whole process (a global flag, leptos-rs/leptos#4773), so a page
/// rendered by another server in the same process at that moment waited forever. Building the
/// list once, before any server can serve, closes that window.
static ROUTES: std::sync::LazyLock<Vec<leptos_axum::AxumRouteListing>> =
    std::sync::LazyLock::new(|| generate_route_list(App));

/// A built server, ready to serve on a listener.
pub struct Commons {
    pub router: Router,
    pub state: AppState,
    shutdown: watch::Sender<bool>,
    /// Dropping it ends the event follower and the job worker.
    background: watch::Sender<()>,
    /// How long a stop waits for requests in flight before it ends them.
    drain_limit: std::time::Duration,
}

/// Tells long-lived connections (live streams) that the server is stopping. The server waits
/// for every copy to be dropped before it exits.
#[derive(Clone)]
pub struct Shutdown(pub watch::Receiver<bool>);

impl Shutdown {
    pub async fn wait(mut self) {
        let _ = self.0.wait_for(|stopping| *stopping).await;
    }
}

/// Opens the configured database (making the data folder for SQLite) and migrates it.
pub async fn open_database(config: &Config, connections: u32) -> Result<app::db::Db, BoxError> {
    if app::db::Dialect::of(&config.database_url) == Some(app::db::Dialect::Sqlite) {
        std::fs::create_dir_all(&config.data_dir)?;
    }
    Ok(app::db::connect(&config.database_url, connections).await?)
}

/// Connects to the database (migrating it) and builds the router.
pub async fn build(config: &Config) -> Result<Commons, BoxError> {
    let db = open_database(config, 16).await?;
    // People from before the directory (or from the seed) get their search words once.
    let indexed = app::people::store::index_missing(&db).await?;
    if indexed > 0 {
        tracing::info!(people = indexed, "indexed people for the directory");
    }
    let postgres_url = (Dialect::of(&config.database_url) == Some(Dialect::Postgres))
        .then(|| config.database_url.clone());
    let (background_owner, background) = app::state::Background::new();
    let events = EventLog::start(db.clone(), postgres_url, 1024, &background).await?;
    let state = AppState {
        db,
        events,
        config: Arc::new(SiteConfig {
            public_url: config.public_url.clone(),
            secure_cookies: config.secure_cookies(),
            trusted_proxies: config.trusted_proxies.clone(),
        }),
        limiter: Arc::new(RateLimiter::new(config.rate_limits)),
        organization: Default::default(),
        // Kept like pages, and off with them (the test harness writes around requests).
        sessions: Arc::new(KnownSessions::new(config.page_cache > 0)),
        mail: Arc::new(config.outbox()?),
        media: Arc::new(config.media()),
        suggestions: Default::default(),
        audience_choices: Default::default(),
        cards: Arc::new(app::posts::card_cache::CardCache::new(config.card_cache)),
        background,
    };
    app::jobs::start(
        state.clone(),
        job_kinds(),
        app::jobs::WorkerConfig::default(),
    );
    let (shutdown, stopping) = watch::channel(false);
    let options = assets::leptos_options(config);
    let router = router(state.clone(), options, Shutdown(stopping), config);
    Ok(Commons {
        router,
        state,
        shutdown,
        background: background_owner,
        // Every request but an upload has its answer within the request timeout, so this only
        // cuts uploads (minutes long on a slow phone) and requests that hang: a stop, like an
        // orchestrator's, always ends.
        drain_limit: config.request_timeout + std::time::Duration::from_secs(1),
    })
}

/// Renders a page (or answers a server function) to the end even when the browser has gone
/// away. Dropping a render midway drops its reactive owner while its resources still run on the
/// other worker thread; one of them then reads a context (`use_context`), becomes the owner's last
/// holder, and reactive_graph 0.2.16 cleans the owner up under a lock the same thread already
/// holds. That thread deadlocks, and with both of this machine's workers caught the server stops
/// accepting connections and ignores SIGTERM (seen under wrk, whose connections close mid-request
/// when a run ends; the stacks are in BENCHMARKS.md). A spawned render is never dropped midway:
/// a disconnect only drops the wait for it.
async fn finish_even_if_abandoned(
    req: Request,
    next: middleware::Next,
) -> axum::response::Response {
    match tokio::spawn(next.run(req)).await {
        Ok(response) => response,
        Err(error) => {
            tracing::error!(%error, "a request's task ended without an answer");
            http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The kinds of background job each capability brings.
pub fn job_kinds() -> app::jobs::Registry {
    let mut registry = app::jobs::Registry::default();
    app::auth::jobs::register(&mut registry);
    app::mail::register(&mut registry);
    app::media::jobs::register(&mut registry);
    app::people::import::jobs::register(&mut registry);
    registry
}

fn router(state: AppState, options: LeptosOptions, shutdown: Shutdown, config: &Config) -> Router {
    let context = {
        let state = state.clone();
        move || provide_context(state.clone())
    };
    let render = {
        let options = options.clone();
        move || shell(options.clone())
    };
    let not_found = leptos_axum::render_app_to_stream_with_context(context.clone(), render.clone());
    let server_fns = {
        let context = context.clone();
        move |req: Request| handle_server_fns_with_context(context.clone(), req)
    };

    // A reload before anything changed is sent the page made for the one before; every
    // state-changing request counts as a change once answered (also for uploads).
    let page_cache = Arc::new(page_cache::PageCache::new(
        config.page_cache,
        state.events.clone(),
    ));
    let keep_or_send_again =
        || middleware::from_fn_with_state(page_cache.clone(), page_cache::keep_or_send_again);

    // What depends on who is asking: pages, server functions and the live stream. Only these
    // look up the session, and their answers are compressed (cheaply: they are made per request).
    let pages = Router::new()
        .route("/api/{*fn_name}", get(server_fns.clone()).post(server_fns))
        .leptos_routes_with_context(&options, ROUTES.clone(), context, render)
        .route(
            "/events",
            get(live::stream).layer(Extension(Arc::new(live::Pace::new(
                config.live_messages_per_second,
            )))),
        )
        .merge(media::file_routes())
        .fallback(move |req: Request| {
            let not_found = not_found.clone();
            async move { not_found(req).await.into_response() }
        })
        // Inside the spawned task: an abandoned request that wrote still counts its change.
        .layer(keep_or_send_again())
        .layer(middleware::from_fn(finish_even_if_abandoned))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(timeout(config.request_timeout));
    // An upload from a phone on a slow network takes longer than any page: its own limits.
    let dynamic = pages
        .merge(uploads::routes().layer(keep_or_send_again()))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            app::auth::session::resolve_session,
        ))
        .layer(middleware::from_fn(valid_html::middleware))
        .layer(CompressionLayer::new().quality(CompressionLevel::Fastest));
    let router = Router::new()
        .route("/healthz", get(health))
        .merge(assets::routes(&config.site_root, options.hash_files))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(timeout(config.request_timeout))
        .merge(dynamic)
        .layer(Extension(state))
        .layer(Extension(shutdown))
        .layer(middleware::from_fn(security::same_origin))
        .layer(middleware::from_fn(security::headers))
        .layer(middleware::from_fn(error_pages::as_html))
        .with_state(options);
    // Behind HTTPS, browsers are told to use nothing else for a year.
    let router = if config.secure_cookies() {
        router.layer(SetResponseHeaderLayer::overriding(
            http::header::STRICT_TRANSPORT_SECURITY,
            http::HeaderValue::from_static("max-age=31536000"),
        ))
    } else {
        router
    };
    observability::apply(router)
}

/// Bounds a request that would never answer (see `config::REQUEST_TIMEOUT`).
pub(crate) fn timeout(limit: std::time::Duration) -> TimeoutLayer {
    TimeoutLayer::with_status_code(http::StatusCode::SERVICE_UNAVAILABLE, limit)
}

/// Ready when the database answers.
async fn health(Extension(state): Extension<AppState>) -> impl IntoResponse {
    if app::db::is_healthy(&state.db).await {
        (http::StatusCode::OK, "ok")
    } else {
        (
            http::StatusCode::SERVICE_UNAVAILABLE,
            "database unavailable",
        )
    }
}

/// Serves until `stop` resolves, then ends live streams and finishes requests in flight (for
/// at most the drain limit: past it, those still running are dropped).
pub async fn serve(
    listener: TcpListener,
    commons: Commons,
    stop: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use axum::serve::ListenerExt;
    // The background tasks run for as long as this function does.
    let Commons {
        router,
        shutdown,
        background: _background,
        drain_limit,
        ..
    } = commons;
    // Pages stream in several writes; without TCP_NODELAY, Nagle's algorithm and delayed ACKs
    // can hold a keep-alive response back by 40 ms.
    let listener = listener.tap_io(|tcp| {
        if let Err(error) = tcp.set_nodelay(true) {
            tracing::debug!(%error, "could not set TCP_NODELAY");
        }
    });
    let stopping = shutdown.clone();
    let mut stopped = shutdown.subscribe();
    let serving = axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        stop.await;
        tracing::info!("shutting down: finishing requests in flight");
        let _ = stopping.send(true);
    });
    let drained = async move {
        let _ = stopped.wait_for(|stopping| *stopping).await;
        tokio::time::sleep(drain_limit).await;
    };
    tokio::select! {
        served = std::future::IntoFuture::into_future(serving) => served?,
        () = drained => tracing::warn!(
            seconds = drain_limit.as_secs_f64(),
            "requests still in flight at the drain limit: stopping without them"
        ),
    }
    // Live streams left hyper when they upgraded, so it does not wait for them. Each holds a
    // Shutdown until it has told its client the server is going away.
    let _ = tokio::time::timeout(LIVE_GOODBYE, shutdown.closed()).await;
    Ok(())
}

/// Resolves on SIGTERM or Ctrl-C.
pub async fn stop_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
