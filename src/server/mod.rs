//! `sopflow serve`: the HTTP service e-SOP portals call (feature
//! `server`). Every `/v1` endpoint takes a document in the body (a
//! `sopflow/1` JSON document, a workbook, CSV or BPMN, by `Content-Type`
//! or `?from=`) and answers what the command line would:
//!
//! - `POST /v1/check`: the diagnostics JSON of `sopflow check --json`;
//! - `POST /v1/render?format=pdf|svg|png|html&page=N&paper=…&lang=…&dpi=…`;
//! - `POST /v1/layout`: the geometry JSON;
//! - `POST /v1/convert?to=json|xlsx|csv`.
//!
//! `GET /` is the drafting page, `GET /healthz` and `GET /metrics`
//! (Prometheus text) are for operators. Rendering runs on a bounded pool
//! with a bounded queue ([`ServeOptions::workers`], [`ServeOptions::queue`]);
//! a full queue is answered `503` at once, every request has a time limit,
//! bodies a size limit, and a panic in a render is answered `500` without
//! taking the process down.

mod api;
mod app;
mod body;
mod guard;
mod metrics;
mod page;
mod pool;
mod reply;
mod routes;

use std::net::SocketAddr;
use std::time::Duration;

pub use app::App;

/// How the service runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Where it listens (127.0.0.1:8080 unless told otherwise).
    pub addr: SocketAddr,
    /// Documents worked on at once (as many as the cores by default).
    pub workers: usize,
    /// Requests that may wait for a worker beyond those being worked on;
    /// one more is answered `503` with `Retry-After` at once.
    pub queue: usize,
    /// Time limit of one request, body included (`503` past it).
    pub timeout: Duration,
    /// Largest body accepted (`413` past it).
    pub max_body: usize,
    /// When set, every `/v1` call needs `Authorization: Bearer <token>`.
    pub token: Option<String>,
    /// The one origin allowed to call from a browser (CORS), if any.
    pub cors: Option<String>,
    /// The readers' limits (activities, performers, text length, ...).
    pub limits: crate::Limits,
}

impl Default for ServeOptions {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            workers: cores,
            queue: 256,
            timeout: Duration::from_secs(30),
            max_body: 8 * 1024 * 1024,
            token: None,
            cors: None,
            limits: crate::Limits::default(),
        }
    }
}

/// The message of a caught panic, for the log.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
}

/// How long a client may take to send a request's headers before its
/// connection is closed (a client that never finishes them holds nothing).
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves on `options.addr` until `shutdown` completes, then lets the
/// requests in flight finish and refuses new ones. `ready` is told the
/// address bound (port 0 picks a free one).
pub async fn serve(
    options: ServeOptions,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let listener = tokio::net::TcpListener::bind(options.addr).await?;
    ready(listener.local_addr()?);
    let header_timeout = HEADER_TIMEOUT.min(options.timeout);
    let router = App::new(options).router();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(header_timeout);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let stream = match accepted {
                    Ok((stream, _)) => stream,
                    Err(e) => {
                        // Out of file descriptors, say: wait, then go on.
                        tracing::warn!(error = %e, "accept failed");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let service = hyper_util::service::TowerToHyperService::new(router.clone());
                let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
                tokio::spawn(async move {
                    if let Err(e) = connection.await {
                        tracing::debug!(error = %e, "connection ended");
                    }
                });
            }
            () = &mut shutdown => break,
        }
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}
