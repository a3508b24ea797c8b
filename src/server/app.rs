//! The service's shared state and the one path every document takes (a
//! place in the pool, the body within its limits, the work on a worker).

use super::ServeOptions;
use super::body;
use super::metrics::Metrics;
use super::pool::{Pool, PoolError};
use super::reply::ApiError;
use axum::body::Body;
use axum::http::HeaderMap;
use axum::response::Response;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use tokio::time::Instant;

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
