//! Structured logs with a request id on every line of a request, and the id echoed back in the
//! `x-request-id` response header.
use axum::http::Request;
use std::sync::atomic::{AtomicU64, Ordering};
use tower::ServiceBuilder;
use tower_http::{
    request_id::{MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer},
    trace::{DefaultOnResponse, TraceLayer},
};
use tracing::Level;

pub fn init_logging(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "info,sqlx=warn,tower_http=info".into());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

/// Request ids: a random prefix per process and a counter, short and unique enough to grep.
#[derive(Clone)]
struct ProcessCounter {
    prefix: u32,
}

static NEXT: AtomicU64 = AtomicU64::new(1);

impl MakeRequestId for ProcessCounter {
    fn make_request_id<B>(&mut self, _: &Request<B>) -> Option<RequestId> {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        format!("{:08x}-{n}", self.prefix)
            .parse()
            .ok()
            .map(RequestId::new)
    }
}

/// Wraps `router` with request ids and request logging.
pub fn apply(router: axum::Router) -> axum::Router {
    let header = http::HeaderName::from_static("x-request-id");
    router.layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::new(header.clone(), ProcessCounter { prefix: rand::random() }))
            .layer(
                TraceLayer::new_for_http()
                    .make_span_with(|req: &Request<_>| {
                        let id = req
                            .headers()
                            .get("x-request-id")
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or("-");
                        tracing::info_span!("request", id, method = %req.method(), path = %req.uri().path())
                    })
                    .on_response(DefaultOnResponse::new().level(Level::INFO)),
            )
            .layer(PropagateRequestIdLayer::new(header)),
    )
}
