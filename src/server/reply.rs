//! What the service answers when it does not answer the document: every
//! refusal as a status, a stable `code` and a message in the request's
//! language, in JSON.

use crate::{Diagnostics, Lang};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// A request the service does not carry out.
#[derive(Debug)]
pub(super) enum ApiError {
    /// `401`: a token is needed and this one is missing or wrong.
    Unauthorized,
    /// `400`: a query parameter is unknown or has a value it cannot take.
    BadParameter { name: String, message: String },
    /// `400`: the body ended before its announced length.
    BodyCut(String),
    /// `408`: the body did not arrive in time.
    BodyTimeout,
    /// `413`: the body is larger than `max`.
    TooLarge { max: usize },
    /// `415`: a media type the service does not read.
    UnsupportedMedia(String),
    /// `400` (unreadable) or `422` (refused): the document's diagnostics,
    /// in the `check --json` shape.
    Document {
        diagnostics: Diagnostics,
        lang: Lang,
    },
    /// `503` at once: every worker and waiting place is taken.
    Busy,
    /// `503`: the request's time limit passed.
    TimedOut,
    /// `404`: no such route.
    NotFound,
    /// `500`: a bug of the service (logged with its request id).
    Internal,
}

impl ApiError {
    fn status(&self) -> StatusCode {
        match self {
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::BadParameter { .. } | ApiError::BodyCut(_) => StatusCode::BAD_REQUEST,
            ApiError::BodyTimeout => StatusCode::REQUEST_TIMEOUT,
            ApiError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMedia(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Document { diagnostics, .. } if diagnostics.is_unreadable() => {
                StatusCode::BAD_REQUEST
            }
            ApiError::Document { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Busy | ApiError::TimedOut => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn code_and_message(&self) -> (&'static str, String) {
        match self {
            ApiError::Unauthorized => (
                "unauthorized",
                "this service needs `Authorization: Bearer <token>`".into(),
            ),
            ApiError::BadParameter { name, message } => {
                ("bad-parameter", format!("?{name}: {message}"))
            }
            ApiError::BodyCut(reason) => (
                "body-cut",
                format!("the body ended before it was complete: {reason}"),
            ),
            ApiError::BodyTimeout => (
                "body-timeout",
                "the body did not arrive within the time limit".into(),
            ),
            ApiError::TooLarge { max } => (
                "body-too-large",
                format!("the body is larger than the {max} bytes this service accepts"),
            ),
            ApiError::UnsupportedMedia(kind) => (
                "unsupported-media-type",
                format!(
                    "{kind} is not read here: send application/json, a workbook (xlsx, xlsm, xls, ods), \
                     text/csv or BPMN XML, or say ?from=json|xlsx|xls|ods|csv|bpmn"
                ),
            ),
            ApiError::Document { .. } => ("refused", String::new()),
            ApiError::Busy => (
                "busy",
                "every worker and waiting place is taken; try again shortly".into(),
            ),
            ApiError::TimedOut => (
                "time-limit",
                "the request took longer than the service's time limit".into(),
            ),
            ApiError::NotFound => (
                "not-found",
                "no such endpoint: see POST /v1/check, /v1/render, /v1/layout, /v1/convert".into(),
            ),
            ApiError::Internal => (
                "internal",
                "the service failed on this document; the failure is logged".into(),
            ),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = match &self {
            ApiError::Document { diagnostics, lang } => check_json(diagnostics, *lang, None),
            other => {
                let (code, message) = other.code_and_message();
                serde_json::json!({"error": {"status": status.as_u16(), "code": code, "message": message}})
            }
        };
        let mut response = (status, axum::Json(body)).into_response();
        if matches!(self, ApiError::Busy | ApiError::TimedOut) {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        if matches!(self, ApiError::Unauthorized) {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// The JSON of `sopflow check --json` (without the file name): errors,
/// warnings and, for an accepted document, its summary and its layout
/// figures on the default paper.
pub(super) fn check_json(
    diagnostics: &Diagnostics,
    lang: Lang,
    accepted: Option<&(crate::Summary, crate::layout::LayoutMetrics)>,
) -> serde_json::Value {
    let diagnostics = diagnostics.clone().in_lang(lang);
    serde_json::json!({
        "errors": diagnostics.errors().collect::<Vec<_>>(),
        "warnings": diagnostics.warnings().collect::<Vec<_>>(),
        "summary": accepted.map(|a| &a.0),
        "layout": accepted.map(|a| &a.1),
    })
}
