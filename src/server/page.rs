//! `GET /`: the drafting page. One HTML file with its style and script
//! inside (no build step, nothing fetched but the service's own `/v1`),
//! served with a Content-Security-Policy that allows exactly its own
//! script and the interactive drawing's.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use sha2::Digest;
use std::sync::OnceLock;

const TEMPLATE: &str = include_str!("page.html");
const SCRIPT: &str = include_str!("page.js");

/// The page and its policy, made once.
fn page_and_policy() -> &'static (String, String) {
    static PAGE: OnceLock<(String, String)> = OnceLock::new();
    PAGE.get_or_init(|| {
        let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(SCRIPT));
        // The drawing is shown in a sandboxed frame whose document
        // inherits this policy: its script hash is allowed too.
        let drawing = crate::render::html_content_security_policy();
        let drawing_script = drawing
            .split(';')
            .map(str::trim)
            .find_map(|d| d.strip_prefix("script-src "))
            .unwrap_or("");
        let policy = format!(
            "default-src 'none'; script-src 'sha256-{hash}' {drawing_script}; \
             style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'self'; \
             frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
        );
        (TEMPLATE.replacen("SCRIPT", SCRIPT, 1), policy)
    })
}

/// The drafting page.
pub(super) async fn page() -> Response {
    let (page, policy) = page_and_policy();
    let mut response = (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page.as_str(),
    )
        .into_response();
    if let Ok(policy) = HeaderValue::from_str(policy) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    response
}
