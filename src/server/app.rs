//! The service's shared state and its router: the routes, the guards
//! around them, and the one path every document takes (a place in the
//! pool, the body within its limits, the work on a worker).

use super::ServeOptions;
use super::metrics::Metrics;
use super::pool::{Pool, PoolError};
use super::reply::ApiError;
use super::{api, body, guard, page};
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, header};
use axum::response::Response;
use axum::routing::{get, post};
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use tokio::time::Instant;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;

/// The service: options, pool and counters, shared by every request.
#[derive(Clone)]
pub struct App(pub(super) Arc<Inner>);

pub(super) struct Inner {
    pub(super) options: ServeOptions,
    pub(super) pool: Pool,
    pub(super) metrics: Metrics,
    pub(super) next_id: AtomicU64,
}

impl App {
    /// The service for `options`.
    pub fn new(options: ServeOptions) -> Self {
        let pool = Pool::new(options.workers, options.queue);
        Self(Arc::new(Inner {
            options,
            pool,
            metrics: Metrics::default(),
            next_id: AtomicU64::new(1),
        }))
    }

    /// Every route with its guards, for `axum::serve` (or to nest in an
    /// embedder's own router).
    pub fn router(self) -> Router {
        let v1 = Router::new()
            .route("/v1/check", post(api::check))
            .route("/v1/render", post(api::render))
            .route("/v1/layout", post(api::layout))
            .route("/v1/convert", post(api::convert))
            .route_layer(axum::middleware::from_fn_with_state(
                self.clone(),
                guard::require_token,
            ));
        let mut router = Router::new()
            .route("/", get(page::page))
            .route("/healthz", get(api::health))
            .route("/metrics", get(api::metrics))
            .merge(v1)
            .fallback(api::not_found)
            .layer(axum::middleware::from_fn_with_state(
                self.clone(),
                guard::observe,
            ))
            .layer(CatchPanicLayer::custom(guard::panicked))
            .layer(SetResponseHeaderLayer::if_not_present(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ))
            .layer(SetResponseHeaderLayer::if_not_present(
                header::REFERRER_POLICY,
                HeaderValue::from_static("no-referrer"),
            ));
        if let Some(origin) = self
            .0
            .options
            .cors
            .as_deref()
            .and_then(|o| HeaderValue::from_str(o).ok())
        {
            router = router.layer(
                CorsLayer::new()
                    .allow_origin(AllowOrigin::exact(origin))
                    .allow_methods([Method::GET, Method::POST])
                    .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
                    .expose_headers([
                        HeaderName::from_static(api::PAGES_HEADER),
                        HeaderName::from_static(guard::REQUEST_ID_HEADER),
                    ]),
            );
        }
        router.with_state(self)
    }

    /// One document's way through the service: a place in the pool (or
    /// `503` at once), the body within its size and time limits, then
    /// `work` on a worker before the request's deadline.
    pub(super) async fn process(
        &self,
        headers: &HeaderMap,
        request_body: Body,
        work: impl FnOnce(Vec<u8>) -> Result<Response, ApiError> + Send + 'static,
    ) -> Result<Response, ApiError> {
        let options = &self.0.options;
        let place = self.0.pool.admit().ok_or(ApiError::Busy)?;
        let deadline = Instant::now() + options.timeout;
        let bytes = body::read(request_body, headers, options.max_body, deadline).await?;
        match self.0.pool.run(place, deadline, move || work(bytes)).await {
            Ok(result) => result,
            Err(PoolError::TimedOut) => Err(ApiError::TimedOut),
            Err(PoolError::Panicked(message)) => {
                tracing::error!(panic = %message, "a render panicked");
                Err(ApiError::Internal)
            }
        }
    }
}
