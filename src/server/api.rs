//! The endpoints: `/v1/check`, `/v1/render`, `/v1/layout`,
//! `/v1/convert`, `/healthz` and `/metrics`. Each checks its query
//! first, then hands the body to [`App::process`] with the work to do on
//! it; the bytes are those the command line writes for the same document.

use super::app::App;
use super::body;
use super::reply::{ApiError, check_json};
use crate::config::{Config, Paper, Words};
use crate::import::{Format, ImportOptions};
use crate::render::{self, Extras, ImagePolicy};
use crate::{Diagnostics, Lang, Limits, Procedure};
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;

/// The response header that gives the document's page count.
pub(super) const PAGES_HEADER: &str = "x-sopflow-pages";

type Params = Query<BTreeMap<String, String>>;

/// `POST /v1/check?lang=&from=&paper=&portrait=`: the diagnostics JSON of
/// `sopflow check --json`, layout figures on that paper included (`200`;
/// `422` refused, `400` unreadable, same shape).
pub(super) async fn check(
    State(app): State<App>,
    Query(params): Params,
    headers: HeaderMap,
    request: Body,
) -> Result<Response, ApiError> {
    known(&params, &["from", "lang", "paper", "portrait"])?;
    let lang = lang(&params)?;
    let config = config(&params, lang)?;
    let format = body::format(&headers, params.get("from").map(String::as_str))?;
    let limits = app.0.options.limits;
    app.process(&headers, request, move |bytes| {
        let (procedure, warnings) = read(bytes, format, lang, limits)?;
        // As `sopflow check`: the layout figures on the paper asked for,
        // or the document refused when its table is too wide for it.
        let layout = laid_out(&procedure, &config, lang).map_err(|e| match e {
            ApiError::Document { diagnostics, lang } => {
                let mut all = warnings.clone();
                all.0.extend(diagnostics.0);
                ApiError::Document {
                    diagnostics: all,
                    lang,
                }
            }
            other => other,
        })?;
        // The layout's own warnings (lanes squeezed, a row taller than a
        // page) are the document's too.
        let mut warnings = warnings;
        warnings.0.extend(layout.warnings);
        let accepted = (procedure.summary(), layout.metrics);
        Ok(axum::Json(check_json(&warnings, lang, Some(&accepted))).into_response())
    })
    .await
}

/// What `/v1/render` writes.
#[derive(Clone, Copy, PartialEq)]
enum Output {
    Pdf,
    Svg,
    Png,
    Html,
}

/// `POST /v1/render?format=pdf|svg|png|html&page=N&paper=…&lang=…&dpi=…`:
/// the document; SVG and PNG one page at a time (`page`, 1 by default),
/// the page count in `X-Sopflow-Pages`.
pub(super) async fn render(
    State(app): State<App>,
    Query(params): Params,
    headers: HeaderMap,
    request: Body,
) -> Result<Response, ApiError> {
    known(
        &params,
        &["from", "lang", "format", "page", "paper", "portrait", "dpi"],
    )?;
    let lang = lang(&params)?;
    let config = config(&params, lang)?;
    let output = match params.get("format").map_or("pdf", String::as_str) {
        "pdf" => Output::Pdf,
        "svg" => Output::Svg,
        "png" => Output::Png,
        "html" => Output::Html,
        other => {
            return Err(bad(
                "format",
                format!("{other:?} is not pdf, svg, png or html"),
            ));
        }
    };
    let page = match params.get("page") {
        None => 1,
        Some(_) if !matches!(output, Output::Svg | Output::Png) => {
            return Err(bad(
                "page",
                "picks one SVG or PNG page; PDF and HTML hold them all",
            ));
        }
        Some(n) => n
            .parse::<usize>()
            .ok()
            .filter(|&n| n > 0)
            .ok_or_else(|| bad("page", format!("{n:?} is not a page number")))?,
    };
    let dpi = match params.get("dpi") {
        None => render::DEFAULT_DPI,
        Some(_) if output != Output::Png => return Err(bad("dpi", "applies to PNG only")),
        Some(d) => d
            .parse::<f32>()
            .ok()
            .filter(|d| (10.0..=1200.0).contains(d))
            .ok_or_else(|| bad("dpi", format!("{d:?} is outside 10..=1200")))?,
    };
    let format = body::format(&headers, params.get("from").map(String::as_str))?;
    let limits = app.0.options.limits;
    app.process(&headers, request, move |bytes| {
        let (procedure, _) = read(bytes, format, lang, limits)?;
        let layout = laid_out(&procedure, &config, lang)?;
        let images = ImagePolicy::default();
        let theme = &config.theme;
        let failed = |e: crate::Error| {
            tracing::error!(error = %e, "rendering failed");
            ApiError::Internal
        };
        let (bytes, kind, pages) = match output {
            Output::Pdf => {
                let pdf = render::pdf_document(&layout, theme, &images).map_err(failed)?;
                (
                    pdf,
                    "application/pdf",
                    layout.identity.len() + layout.pages.len(),
                )
            }
            Output::Html => {
                let html = render::html(&procedure, &layout, &config, &images, Extras::default())
                    .map_err(failed)?;
                let pages = layout.identity.len() + layout.pages.len();
                (html.into_bytes(), "text/html; charset=utf-8", pages)
            }
            Output::Svg | Output::Png => {
                let mut svgs = render::svg_pages(&layout, theme, &images).map_err(failed)?;
                let count = svgs.len();
                if page > count {
                    return Err(bad("page", format!("the document has {count} pages")));
                }
                let svg = svgs.swap_remove(page - 1);
                if output == Output::Svg {
                    (svg.into_bytes(), "image/svg+xml", count)
                } else {
                    let png = render::png_page(&svg, page, dpi).map_err(failed)?;
                    (png, "image/png", count)
                }
            }
        };
        let mut response = (StatusCode::OK, bytes).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
        headers.insert(PAGES_HEADER, HeaderValue::from(pages));
        if output == Output::Html
            && let Ok(policy) = HeaderValue::from_str(&render::html_content_security_policy())
        {
            headers.insert(header::CONTENT_SECURITY_POLICY, policy);
        }
        Ok(response)
    })
    .await
}

/// `POST /v1/layout?paper=…&lang=…`: the geometry JSON of `sopflow layout`.
pub(super) async fn layout(
    State(app): State<App>,
    Query(params): Params,
    headers: HeaderMap,
    request: Body,
) -> Result<Response, ApiError> {
    known(&params, &["from", "lang", "paper", "portrait"])?;
    let lang = lang(&params)?;
    let config = config(&params, lang)?;
    let format = body::format(&headers, params.get("from").map(String::as_str))?;
    let limits = app.0.options.limits;
    app.process(&headers, request, move |bytes| {
        let (procedure, _) = read(bytes, format, lang, limits)?;
        let layout = laid_out(&procedure, &config, lang)?;
        let mut out = Vec::with_capacity(64 * 1024);
        crate::layout::write_json(&layout, &mut out, false).map_err(|e| {
            tracing::error!(error = %e, "layout JSON failed");
            ApiError::Internal
        })?;
        out.push(b'\n');
        Ok(([(header::CONTENT_TYPE, "application/json")], out).into_response())
    })
    .await
}

/// `POST /v1/convert?to=json|xlsx|csv`: the document checked, then
/// written as `sopflow convert` writes it.
pub(super) async fn convert(
    State(app): State<App>,
    Query(params): Params,
    headers: HeaderMap,
    request: Body,
) -> Result<Response, ApiError> {
    known(&params, &["from", "lang", "to"])?;
    let lang = lang(&params)?;
    let to = params.get("to").map_or("json", String::as_str).to_owned();
    if !matches!(to.as_str(), "json" | "xlsx" | "csv") {
        return Err(bad("to", format!("{to:?} is not json, xlsx or csv")));
    }
    let format = body::format(&headers, params.get("from").map(String::as_str))?;
    let limits = app.0.options.limits;
    app.process(&headers, request, move |bytes| {
        let imported = crate::import::read_bytes(bytes, format, &ImportOptions { lang, limits })
            .map_err(|diagnostics| ApiError::Document { diagnostics, lang })?;
        let sop = imported.sop.clone();
        imported
            .into_procedure_with(&limits)
            .map_err(|diagnostics| ApiError::Document { diagnostics, lang })?;
        let failed = |e: crate::Error| {
            tracing::error!(error = %e, "conversion failed");
            ApiError::Internal
        };
        let (bytes, kind) = match to.as_str() {
            "xlsx" => (
                crate::export::write_xlsx(&sop).map_err(failed)?,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            "csv" => (
                crate::export::write_csv(&sop).map_err(failed)?.into_bytes(),
                "text/csv; charset=utf-8",
            ),
            _ => {
                let mut text = serde_json::to_string_pretty(&sop).map_err(|e| {
                    tracing::error!(error = %e, "JSON failed");
                    ApiError::Internal
                })?;
                text.push('\n');
                (text.into_bytes(), "application/json")
            }
        };
        Ok(([(header::CONTENT_TYPE, kind)], bytes).into_response())
    })
    .await
}

/// `GET /healthz`.
pub(super) async fn health() -> Response {
    axum::Json(serde_json::json!({"status": "ok"})).into_response()
}

/// `GET /metrics`: the Prometheus text format.
pub(super) async fn metrics(State(app): State<App>) -> Response {
    let text = app.0.metrics.text(app.0.pool.busy());
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        text,
    )
        .into_response()
}

/// Any other path.
pub(super) async fn not_found() -> ApiError {
    ApiError::NotFound
}

/// Reads and checks a document; its images must be `data:` URIs (the
/// service never reads a file of its own).
fn read(
    bytes: Vec<u8>,
    format: Format,
    lang: Lang,
    limits: Limits,
) -> Result<(Procedure, Diagnostics), ApiError> {
    let refused = |diagnostics| ApiError::Document { diagnostics, lang };
    let (procedure, warnings) =
        crate::import::read_bytes(bytes, format, &ImportOptions { lang, limits })
            .and_then(|imported| imported.into_procedure_with(&limits))
            .map_err(refused)?;
    let images = render::check_images(procedure.identity(), &ImagePolicy::default());
    if images.has_errors() {
        let mut all = warnings;
        all.0.extend(images.0);
        return Err(refused(all));
    }
    Ok((procedure, warnings))
}

/// The layout, or the document refused (a table too wide for the paper).
fn laid_out(
    procedure: &Procedure,
    config: &Config,
    lang: Lang,
) -> Result<crate::layout::Layout, ApiError> {
    crate::layout::layout(procedure, config).map_err(|e| match e {
        crate::Error::Invalid(diagnostics) => ApiError::Document { diagnostics, lang },
        other => {
            tracing::error!(error = %other, "layout failed");
            ApiError::Internal
        }
    })
}

fn bad(name: &str, message: impl Into<String>) -> ApiError {
    ApiError::BadParameter {
        name: name.into(),
        message: message.into(),
    }
}

/// Refuses a parameter the endpoint does not take (a typo would
/// otherwise be silently ignored).
fn known(params: &BTreeMap<String, String>, names: &[&str]) -> Result<(), ApiError> {
    match params.keys().find(|k| !names.contains(&k.as_str())) {
        Some(unknown) => Err(bad(
            unknown,
            format!("unknown here; this endpoint takes {}", names.join(", ")),
        )),
        None => Ok(()),
    }
}

fn lang(params: &BTreeMap<String, String>) -> Result<Lang, ApiError> {
    match params.get("lang").map_or("id", String::as_str) {
        "id" => Ok(Lang::Id),
        "en" => Ok(Lang::En),
        other => Err(bad("lang", format!("{other:?} is not id or en"))),
    }
}

/// The configuration of `paper`, `portrait` and `lang`, as the command
/// line's `--paper`, `--portrait` and `--lang` make it.
fn config(params: &BTreeMap<String, String>, lang: Lang) -> Result<Config, ApiError> {
    let mut config = Config::default();
    if let Some(paper) = params.get("paper") {
        config.page.paper = match paper.to_ascii_lowercase().as_str() {
            "a4" => Paper::A4,
            "f4" => Paper::F4,
            "letter" => Paper::Letter,
            "legal" => Paper::Legal,
            other => {
                return Err(bad(
                    "paper",
                    format!("{other:?} is not a4, f4, letter or legal"),
                ));
            }
        };
    }
    match params.get("portrait").map(String::as_str) {
        None | Some("false") => {}
        Some("true") => config.page.landscape = false,
        Some(other) => return Err(bad("portrait", format!("{other:?} is not true or false"))),
    }
    if lang == Lang::En {
        config.words = Words::english();
    }
    Ok(config)
}
