//! Starts `sopflow serve` as the README says, on an ephemeral port of
//! 127.0.0.1, and stops it when dropped.
#![allow(dead_code)]

use reqwest::blocking::{Client, Response};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// One running service.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// `127.0.0.1:PORT`.
    pub addr: String,
}

impl Server {
    /// `sopflow serve --addr 127.0.0.1:0` with `args` added.
    pub fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sopflow"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("sopflow serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .trim()
            .strip_prefix("sopflow serve: listening on ")
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .to_owned();
        let addr = url.trim_start_matches("http://").to_owned();
        Server { child, url, addr }
    }

    /// Sends SIGTERM and waits for the exit status.
    pub fn terminate(&mut self) -> std::process::ExitStatus {
        Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        self.child.wait().unwrap()
    }

    /// The `/metrics` text.
    pub fn metrics(&self) -> String {
        client()
            .get(format!("{}/metrics", self.url))
            .send()
            .unwrap()
            .text()
            .unwrap()
    }

    /// Checks that the process still runs and answers `/healthz` with 200.
    pub fn assert_healthy(&mut self) {
        assert!(self.child.try_wait().unwrap().is_none(), "the service died");
        let status = client()
            .get(format!("{}/healthz", self.url))
            .send()
            .unwrap()
            .status();
        assert_eq!(status, 200);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The shared examples.
pub const EXAMPLES: [&str; 3] = [
    "bps-distribusi-persediaan.json",
    "bps-layanan-perpustakaan.json",
    "bps-rekomendasi-statistik.json",
];

/// A blocking client with a generous timeout.
pub fn client() -> Client {
    Client::builder()
        .timeout(Duration::from_secs(120))
        .build()
        .unwrap()
}

/// Posts `body` as `kind` to `path`.
pub fn post(server: &Server, path: &str, kind: &str, body: Vec<u8>) -> Response {
    client()
        .post(format!("{}{path}", server.url))
        .header("Content-Type", kind)
        .body(body)
        .send()
        .unwrap()
}

/// The bytes of a shared example.
pub fn read(name: &str) -> Vec<u8> {
    std::fs::read(super::common::example(name)).unwrap()
}

/// The `error.code` of a JSON error answer.
pub fn error_code(response: Response) -> String {
    let body: serde_json::Value = response.json().unwrap();
    body["error"]["code"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// A generated SOP of `n` steps as JSON bytes (heavy enough to keep a
/// worker busy).
pub fn generated(n: usize) -> Vec<u8> {
    let sop = sopflow::generate::generate(sopflow::generate::GenerateOptions::new(n, 8, 3));
    serde_json::to_vec(&sop).unwrap()
}
