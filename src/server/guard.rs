//! What stands around every route: the bearer token of `/v1`, compared in
//! constant time; a request id, a log line and the counters for every
//! request; a panic answered `500` instead of a dropped connection.

use super::app::App;
use super::reply::ApiError;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use std::sync::atomic::Ordering;
use std::time::Instant;

/// The response header naming the request in the service's log.
pub(super) const REQUEST_ID_HEADER: &str = "x-request-id";

/// Lets a `/v1` request through only with the configured token.
pub(super) async fn require_token(
    State(app): State<App>,
    request: Request,
    next: Next,
) -> Response {
    if let Some(expected) = &app.0.options.token {
        let given = request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        if !same_secret(given.trim(), expected) {
            return ApiError::Unauthorized.into_response();
        }
    }
    next.run(request).await
}

/// Equal secrets, compared so that the time taken says nothing of where
/// they differ (their SHA-256 digests, every byte looked at).
fn same_secret(given: &str, expected: &str) -> bool {
    let (a, b) = (Sha256::digest(given), Sha256::digest(expected));
    a.iter()
        .zip(b.iter())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
}

/// Numbers the request, logs it and counts it once answered.
pub(super) async fn observe(State(app): State<App>, request: Request, next: Next) -> Response {
    let id = app.0.next_id.fetch_add(1, Ordering::Relaxed);
    let endpoint = endpoint(request.extensions().get::<MatchedPath>());
    let method = request.method().clone();
    let started = Instant::now();
    let mut response = next.run(request).await;
    let took = started.elapsed();
    let status = response.status().as_u16();
    app.0.metrics.record(endpoint, status, took);
    tracing::info!(
        request_id = id,
        %method,
        endpoint,
        status,
        ms = took.as_secs_f64() * 1000.0,
        "answered"
    );
    if let Ok(value) = HeaderValue::from_str(&id.to_string()) {
        response.headers_mut().insert(REQUEST_ID_HEADER, value);
    }
    response
}

/// The route a request matched (a fixed set, so the counters stay
/// bounded whatever paths clients send).
fn endpoint(matched: Option<&MatchedPath>) -> &'static str {
    match matched.map(MatchedPath::as_str) {
        Some("/") => "/",
        Some("/healthz") => "/healthz",
        Some("/metrics") => "/metrics",
        Some("/v1/check") => "/v1/check",
        Some("/v1/render") => "/v1/render",
        Some("/v1/layout") => "/v1/layout",
        Some("/v1/convert") => "/v1/convert",
        _ => "other",
    }
}

/// A panic outside the pool (the pool catches its own): `500`, logged.
pub(super) fn panicked(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let message = super::panic_message(&*panic);
    tracing::error!(panic = %message, "a handler panicked");
    ApiError::Internal.into_response()
}

#[cfg(test)]
mod tests {
    use super::same_secret;

    #[test]
    fn secrets_match_only_when_equal() {
        assert!(same_secret("s3cret", "s3cret"));
        assert!(!same_secret("s3cret", "s3cre"));
        assert!(!same_secret("", "s3cret"));
        assert!(!same_secret("S3cret", "s3cret"));
    }
}
