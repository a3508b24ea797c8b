//! The routes and the guards around them: `/v1` behind the token, every
//! request observed (id, log line, counters), panics answered `500`,
//! security headers, and CORS only for the origin named.

use super::app::App;
use super::{api, guard, page};
use axum::Router;
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::routing::{get, post};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;

impl App {
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
}
