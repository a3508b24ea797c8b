//! Arbitrary HTTP requests to the service's router (in process): any
//! endpoint, method, query, media type and body. Nothing a client sends
//! may produce a 500 or a panic.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use sopflow::server::{App, ServeOptions};
use std::sync::OnceLock;
use tower::ServiceExt;

#[derive(Arbitrary, Debug)]
struct Request {
    endpoint: u8,
    get: bool,
    query: String,
    media: u8,
    body: Vec<u8>,
}

const ENDPOINTS: [&str; 8] = ["/v1/check", "/v1/render", "/v1/layout", "/v1/convert", "/", "/healthz", "/metrics", "/v1/nope"];
const MEDIA: [&str; 8] = [
    "application/json",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-excel",
    "application/vnd.oasis.opendocument.spreadsheet",
    "text/csv",
    "application/xml",
    "application/octet-stream",
    "text/plain; charset=utf-8",
];

fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap())
}

fn router() -> axum::Router {
    static ROUTER: OnceLock<axum::Router> = OnceLock::new();
    ROUTER
        .get_or_init(|| {
            App::new(ServeOptions {
                workers: 1,
                queue: 4,
                max_body: 1 << 20,
                ..ServeOptions::default()
            })
            .router()
        })
        .clone()
}

fuzz_target!(|r: Request| {
    let path = ENDPOINTS[usize::from(r.endpoint) % ENDPOINTS.len()];
    let uri = if r.query.is_empty() { path.to_owned() } else { format!("{path}?{}", r.query) };
    let Ok(request) = axum::http::Request::builder()
        .method(if r.get { "GET" } else { "POST" })
        .uri(uri)
        .header("content-type", MEDIA[usize::from(r.media) % MEDIA.len()])
        .body(axum::body::Body::from(r.body))
    else {
        return;
    };
    runtime().block_on(async {
        let response = router().oneshot(request).await.expect("the router is infallible");
        let status = response.status();
        let _ = axum::body::to_bytes(response.into_body(), usize::MAX).await;
        assert!(status.as_u16() != 500, "a request was answered 500");
    });
});
