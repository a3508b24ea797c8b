//! The request body: which reader it needs (from `?from=` or its
//! `Content-Type`) and its bytes, read within the size and time limits.

use super::reply::ApiError;
use crate::import::Format;
use axum::body::Body;
use axum::http::{HeaderMap, header};
use http_body_util::BodyExt;
use tokio::time::Instant;

/// The reader for a body: `from` (the `?from=` parameter) when given,
/// else its media type.
pub(super) fn format(headers: &HeaderMap, from: Option<&str>) -> Result<Format, ApiError> {
    if let Some(from) = from {
        return match from.to_ascii_lowercase().as_str() {
            "json" => Ok(Format::Json),
            "xlsx" | "xlsm" => Ok(Format::Xlsx),
            "xls" => Ok(Format::Xls),
            "ods" => Ok(Format::Ods),
            "csv" => Ok(Format::Csv),
            "bpmn" | "xml" => Ok(Format::Bpmn),
            other => Err(ApiError::BadParameter {
                name: "from".into(),
                message: format!("{other:?} is not one of json, xlsx, xlsm, xls, ods, csv, bpmn"),
            }),
        };
    }
    let media = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match media.as_str() {
        "application/json" | "text/json" => Ok(Format::Json),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        | "application/vnd.ms-excel.sheet.macroenabled.12" => Ok(Format::Xlsx),
        "application/vnd.ms-excel" => Ok(Format::Xls),
        "application/vnd.oasis.opendocument.spreadsheet" => Ok(Format::Ods),
        "text/csv" => Ok(Format::Csv),
        "application/bpmn+xml" | "application/xml" | "text/xml" => Ok(Format::Bpmn),
        "" => Err(ApiError::UnsupportedMedia(
            "a body without Content-Type".into(),
        )),
        other => Err(ApiError::UnsupportedMedia(other.to_owned())),
    }
}

/// The most of an oversized body read and thrown away before answering
/// `413`, so that a client still sending it gets the answer instead of a
/// reset connection.
const DRAIN_LIMIT: u64 = 64 << 20;

/// The body's bytes: `413` past `max` (decided at once when the announced
/// length is already larger), `400` when it ends early, `408` when it is
/// not all there by `deadline`.
pub(super) async fn read(
    body: Body,
    headers: &HeaderMap,
    max: usize,
    deadline: Instant,
) -> Result<Vec<u8>, ApiError> {
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let mut body = body;
    if announced.is_some_and(|n| n > max as u64) {
        drain(&mut body, deadline).await;
        return Err(ApiError::TooLarge { max });
    }
    let mut bytes = Vec::with_capacity(announced.map_or(0, |n| n as usize));
    loop {
        let frame = match tokio::time::timeout_at(deadline, body.frame()).await {
            Err(_) => return Err(ApiError::BodyTimeout),
            Ok(None) => return Ok(bytes),
            Ok(Some(Err(e))) => return Err(ApiError::BodyCut(e.to_string())),
            Ok(Some(Ok(frame))) => frame,
        };
        if let Ok(data) = frame.into_data() {
            if bytes.len() + data.len() > max {
                drain(&mut body, deadline).await;
                return Err(ApiError::TooLarge { max });
            }
            bytes.extend_from_slice(&data);
        }
    }
}

/// Reads and drops what is left of `body`, up to [`DRAIN_LIMIT`] bytes
/// and `deadline`.
async fn drain(body: &mut Body, deadline: Instant) {
    let mut seen = 0u64;
    while seen < DRAIN_LIMIT {
        match tokio::time::timeout_at(deadline, body.frame()).await {
            Ok(Some(Ok(frame))) => {
                seen += frame.data_ref().map_or(0, |d| d.len() as u64);
            }
            _ => return,
        }
    }
}
