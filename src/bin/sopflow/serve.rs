//! `sopflow serve`: the HTTP service e-SOP portals call, until Ctrl-C or
//! SIGTERM (requests in flight finish, new ones are refused).

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// The options of `sopflow serve`.
#[derive(clap::Args)]
pub struct ServeArgs {
    /// Address to listen on; 127.0.0.1 is this machine only.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Documents worked on at once [default: the number of cores].
    #[arg(long)]
    workers: Option<usize>,
    /// Requests that may wait for a worker; one more gets 503 at once
    /// [default: 256].
    #[arg(long)]
    queue: Option<usize>,
    /// Time limit of one request, in seconds (503 past it).
    #[arg(long, default_value_t = 30.0)]
    timeout: f64,
    /// Largest request body: bytes, or with KiB / MiB (413 past it).
    #[arg(long, default_value = "8MiB", value_parser = parse_size)]
    max_body: usize,
    /// A file holding the token every /v1 call must send as
    /// `Authorization: Bearer <token>` (401 otherwise).
    #[arg(long)]
    token_file: Option<PathBuf>,
    /// The one web origin allowed to call the service from a browser (CORS
    /// is off without it), e.g. https://esop.example.go.id
    #[arg(long)]
    cors: Option<String>,
}

/// "8MiB", "512KiB", "100000".
fn parse_size(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let (number, factor) = if let Some(n) = text.strip_suffix("MiB") {
        (n, 1024 * 1024)
    } else if let Some(n) = text.strip_suffix("KiB") {
        (n, 1024)
    } else {
        (text, 1)
    };
    number
        .trim()
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("{text:?} is not a size (bytes, or a number with KiB or MiB)"))
}

/// Runs the service until it is told to stop.
pub fn run(args: &ServeArgs) -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_target(false)
        .init();
    let mut options = sopflow::server::ServeOptions {
        addr: args.addr,
        cors: args.cors.clone(),
        max_body: args.max_body,
        ..Default::default()
    };
    if let Some(workers) = args.workers {
        options.workers = workers.max(1);
    }
    if let Some(queue) = args.queue {
        options.queue = queue;
    }
    if !(args.timeout.is_finite() && args.timeout > 0.0) {
        eprintln!(
            "sopflow serve: --timeout {} is not a positive number of seconds",
            args.timeout
        );
        return ExitCode::from(2);
    }
    options.timeout = Duration::from_secs_f64(args.timeout);
    if let Some(path) = &args.token_file {
        match std::fs::read_to_string(path) {
            Ok(token) if !token.trim().is_empty() => options.token = Some(token.trim().to_owned()),
            Ok(_) => {
                eprintln!("sopflow serve: {}: the token file is empty", path.display());
                return ExitCode::from(2);
            }
            Err(e) => {
                eprintln!("sopflow serve: {}: {e}", path.display());
                return ExitCode::from(2);
            }
        }
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("sopflow serve: {e}");
            return ExitCode::from(3);
        }
    };
    let served = runtime.block_on(sopflow::server::serve(options, stop(), |addr| {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "sopflow serve: listening on http://{addr}");
        let _ = out.flush();
    }));
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sopflow serve: {}: {e}", args.addr);
            ExitCode::from(3)
        }
    }
}

/// Ctrl-C or SIGTERM.
async fn stop() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("stopping: requests in flight finish, new ones are refused");
}
