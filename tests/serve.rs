//! `sopflow serve` over real sockets on 127.0.0.1: every endpoint, every
//! error status, outputs byte-identical to the command line's, limits,
//! overload, the time limit, the token, shutdown with requests in flight,
//! hostile bodies, and a bounded load test that prints its figures.
#![cfg(all(feature = "server", feature = "cli"))]

mod common;
#[path = "common/server.rs"]
mod server;

use common::{example, sopflow, temp};
use reqwest::blocking::{Client, Response};
use serde_json::Value;
use server::Server;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

const EXAMPLES: [&str; 3] = [
    "bps-distribusi-persediaan.json",
    "bps-layanan-perpustakaan.json",
    "bps-rekomendasi-statistik.json",
];

fn client() -> Client {
    Client::builder()
        .timeout(Duration::from_secs(120))
        .build()
        .unwrap()
}

fn post(server: &Server, path: &str, kind: &str, body: Vec<u8>) -> Response {
    client()
        .post(format!("{}{path}", server.url))
        .header("Content-Type", kind)
        .body(body)
        .send()
        .unwrap()
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(example(name)).unwrap()
}

fn error_code(response: Response) -> String {
    let body: Value = response.json().unwrap();
    body["error"]["code"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// A generated SOP of `n` steps as JSON bytes (heavy enough to keep a
/// worker busy).
fn generated(n: usize) -> Vec<u8> {
    let sop = sopflow::generate::generate(sopflow::generate::GenerateOptions::new(n, 8, 3));
    serde_json::to_vec(&sop).unwrap()
}

/// Runs `sopflow ARGS` in `dir`, posts `json` to `path`, and checks that
/// the answer is `200` with the bytes the command wrote to `written` (`-`:
/// its standard output); returns the answer's headers.
fn same_as_cli(
    server: &Server,
    dir: &Path,
    args: &[&str],
    path: &str,
    json: &[u8],
    written: &str,
) -> reqwest::header::HeaderMap {
    let out = sopflow(args, dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = if written == "-" {
        out.stdout
    } else {
        std::fs::read(dir.join(written)).unwrap()
    };
    let answer = post(server, path, "application/json", json.to_vec());
    assert_eq!(answer.status(), 200, "{path}");
    let headers = answer.headers().clone();
    assert!(
        answer.bytes().unwrap().as_ref() == expected.as_slice(),
        "{path}: not the bytes of sopflow {args:?}"
    );
    headers
}

#[test]
fn every_endpoint_gives_the_command_lines_bytes() {
    let server = Server::start(&[]);
    let dir = temp("serve-bytes");
    for name in EXAMPLES {
        let file = example(name);
        let file = file.as_str();
        let json = read(name);
        // check: the JSON of `sopflow check --json`, less the file name.
        let out = sopflow(&["check", "--json", file], &dir);
        let mut expected: Value = serde_json::from_slice(&out.stdout).unwrap();
        expected.as_object_mut().unwrap().remove("file");
        let answer = post(&server, "/v1/check", "application/json", json.clone());
        assert_eq!(answer.status(), 200);
        assert_eq!(answer.json::<Value>().unwrap(), expected, "{name}");
        // render: PDF, every SVG page, a PNG page, HTML.
        let pdf = same_as_cli(
            &server,
            &dir,
            &["render", file, "-o", "doc.pdf"],
            "/v1/render?format=pdf",
            &json,
            "doc.pdf",
        );
        assert_eq!(pdf["content-type"], "application/pdf");
        let svg = same_as_cli(
            &server,
            &dir,
            &["render", file, "--format", "svg", "--page", "1", "-o", "-"],
            "/v1/render?format=svg",
            &json,
            "-",
        );
        assert_eq!(svg["content-type"], "image/svg+xml");
        let pages: usize = svg["x-sopflow-pages"].to_str().unwrap().parse().unwrap();
        for page in 2..=pages {
            let n = page.to_string();
            same_as_cli(
                &server,
                &dir,
                &["render", file, "--format", "svg", "--page", &n, "-o", "-"],
                &format!("/v1/render?format=svg&page={n}"),
                &json,
                "-",
            );
        }
        assert!(
            sopflow(
                &[
                    "render",
                    file,
                    "--format",
                    "svg",
                    "--page",
                    &(pages + 1).to_string(),
                    "-o",
                    "-"
                ],
                &dir
            )
            .status
            .code()
                == Some(2),
            "{name} has {pages} pages"
        );
        let png = same_as_cli(
            &server,
            &dir,
            &[
                "render", file, "-o", "doc.png", "--page", "2", "--dpi", "72",
            ],
            "/v1/render?format=png&page=2&dpi=72",
            &json,
            "doc.png",
        );
        assert_eq!(png["content-type"], "image/png");
        let html = same_as_cli(
            &server,
            &dir,
            &[
                "render", file, "-o", "doc.html", "--lang", "en", "--paper", "a4",
            ],
            "/v1/render?format=html&lang=en&paper=a4",
            &json,
            "doc.html",
        );
        assert!(
            html["content-security-policy"]
                .to_str()
                .unwrap()
                .starts_with("default-src 'none'")
        );
        // layout: the geometry JSON of `sopflow layout`; convert as
        // `sopflow convert` writes it, and XLSX read back.
        same_as_cli(&server, &dir, &["layout", file], "/v1/layout", &json, "-");
        same_as_cli(
            &server,
            &dir,
            &["convert", file, "-o", "doc.json"],
            "/v1/convert?to=json",
            &json,
            "doc.json",
        );
        let xlsx = post(
            &server,
            "/v1/convert?to=xlsx",
            "application/json",
            json.clone(),
        );
        let xlsx = xlsx.bytes().unwrap().to_vec();
        let back = post(
            &server,
            "/v1/convert?to=json&from=xlsx",
            "application/octet-stream",
            xlsx,
        );
        assert_eq!(back.status(), 200);
        let back: Value = back.json().unwrap();
        let original: Value =
            serde_json::from_slice(&std::fs::read(dir.join("doc.json")).unwrap()).unwrap();
        assert_eq!(
            back["activities"], original["activities"],
            "{name}: XLSX round trip"
        );
    }
    let health: Value = client()
        .get(format!("{}/healthz", server.url))
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(health["status"], "ok");
    let metrics = client()
        .get(format!("{}/metrics", server.url))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(metrics.contains("sopflow_requests_total{endpoint=\"/v1/render\",status=\"200\"}"));
    assert!(
        metrics.contains(
            "sopflow_request_duration_seconds_bucket{endpoint=\"/v1/check\",le=\"+Inf\"} 3"
        )
    );
    assert!(metrics.contains("sopflow_documents_in_progress 0"));
}

#[test]
fn every_refusal_has_its_status() {
    let server = Server::start(&["--max-body", "64KiB"]);
    let json = read(EXAMPLES[1]);
    // 413: over --max-body, announced or streamed.
    let big = vec![b' '; 65 * 1024];
    let answer = post(&server, "/v1/check", "application/json", big);
    assert_eq!(answer.status(), 413);
    assert_eq!(error_code(answer), "body-too-large");
    // 415: a media type no reader takes, or none.
    let answer = post(&server, "/v1/render", "text/plain", json.clone());
    assert_eq!(answer.status(), 415);
    assert_eq!(error_code(answer), "unsupported-media-type");
    let answer = client()
        .post(format!("{}/v1/check", server.url))
        .body(json.clone())
        .send()
        .unwrap();
    assert_eq!(answer.status(), 415);
    // 422: a document that is refused, with its diagnostics.
    let mut doc: Value = serde_json::from_slice(&json).unwrap();
    doc["activities"][1]["next"] = Value::from("99");
    let answer = post(
        &server,
        "/v1/render",
        "application/json",
        serde_json::to_vec(&doc).unwrap(),
    );
    assert_eq!(answer.status(), 422);
    let body: Value = answer.json().unwrap();
    assert_eq!(body["summary"], Value::Null);
    assert_eq!(body["errors"][0]["path"], "/activities/1/next");
    assert_eq!(body["errors"][0]["activity"]["number"], 2);
    // 422 in English with ?lang=en.
    let answer = post(
        &server,
        "/v1/check?lang=en",
        "application/json",
        serde_json::to_vec(&doc).unwrap(),
    );
    assert_eq!(answer.status(), 422);
    let body: Value = answer.json().unwrap();
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("activity"),
        "{body}"
    );
    // 400: not JSON at all, with line and column; an unknown parameter;
    // a value a parameter cannot take; a page the document lacks.
    let answer = post(
        &server,
        "/v1/check",
        "application/json",
        b"{\"format\": ".to_vec(),
    );
    assert_eq!(answer.status(), 400);
    let body: Value = answer.json().unwrap();
    assert_eq!(body["errors"][0]["code"], "json-syntax");
    assert_eq!(body["errors"][0]["line"], 1);
    for (query, name) in [
        ("format=pdf&pape=a4", "pape"),
        ("format=jpg", "format"),
        ("format=pdf&page=2", "page"),
        ("format=svg&page=0", "page"),
        ("format=png&dpi=5000", "dpi"),
        ("paper=a3", "paper"),
        ("lang=fr", "lang"),
        ("format=svg&page=99", "page"),
    ] {
        let answer = post(
            &server,
            &format!("/v1/render?{query}"),
            "application/json",
            json.clone(),
        );
        assert_eq!(answer.status(), 400, "{query}");
        let body: Value = answer.json().unwrap();
        assert_eq!(body["error"]["code"], "bad-parameter", "{query}");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .starts_with(&format!("?{name}")),
            "{body}"
        );
    }
    // 404 and 405.
    assert_eq!(
        client()
            .get(format!("{}/v2/render", server.url))
            .send()
            .unwrap()
            .status(),
        404
    );
    assert_eq!(
        client()
            .get(format!("{}/v1/render", server.url))
            .send()
            .unwrap()
            .status(),
        405
    );
    // Images are data: URIs only; a path is never read.
    let mut doc: Value = serde_json::from_slice(&json).unwrap();
    doc["identity"]["logo"] = Value::from("/etc/passwd");
    let answer = post(
        &server,
        "/v1/render",
        "application/json",
        serde_json::to_vec(&doc).unwrap(),
    );
    assert_eq!(answer.status(), 422);
    let body: Value = answer.json().unwrap();
    assert_eq!(body["errors"][0]["code"], "unusable-image");
}

#[test]
fn hostile_bodies_get_their_4xx_and_the_service_lives_on() {
    let mut server = Server::start(&[]);
    // A zip bomb posted as XLSX: refused before it is unpacked.
    let bomb = common::zip_bomb(256);
    let answer = post(
        &server,
        "/v1/render",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        bomb,
    );
    assert_eq!(answer.status(), 400);
    let body: Value = answer.json().unwrap();
    assert_eq!(body["errors"][0]["code"], "unreadable-workbook");
    // A JSON nesting bomb.
    let nested = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    let answer = post(
        &server,
        "/v1/check",
        "application/json",
        nested.into_bytes(),
    );
    assert_eq!(answer.status(), 400);
    // An entity bomb in BPMN.
    let entities = b"<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]><definitions>&lol2;</definitions>";
    let answer = post(&server, "/v1/check", "application/xml", entities.to_vec());
    assert_eq!(answer.status(), 400);
    // Bytes that are no document of any kind, under every reader.
    for from in ["json", "xlsx", "xls", "ods", "csv", "bpmn"] {
        let answer = post(
            &server,
            &format!("/v1/render?from={from}"),
            "application/octet-stream",
            vec![0xff; 4096],
        );
        assert!(
            answer.status().is_client_error(),
            "{from}: {}",
            answer.status()
        );
    }
    assert!(server.alive());
    assert_eq!(
        client()
            .get(format!("{}/healthz", server.url))
            .send()
            .unwrap()
            .status(),
        200
    );
}

/// Sends `head` and `body` over a raw connection and returns the status
/// the service answers, if any.
fn raw(addr: &str, head: &str, body: &[u8], then: impl FnOnce(&mut TcpStream)) -> Option<u16> {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    then(&mut stream);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let text = String::from_utf8_lossy(&answer);
    text.split_whitespace().nth(1).and_then(|s| s.parse().ok())
}

#[test]
fn a_slow_client_and_a_cut_body_are_answered_and_others_are_served() {
    let server = Server::start(&["--timeout", "2"]);
    let addr = server.addr.clone();
    let slow = std::thread::spawn(move || {
        let head = format!(
            "POST /v1/check HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
        );
        // Ten bytes, then nothing: the body never completes.
        raw(&addr, &head, b"{\"format\":", |_| {})
    });
    // Meanwhile the service answers others at once.
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    let answer = post(&server, "/v1/check", "application/json", read(EXAMPLES[0]));
    assert_eq!(answer.status(), 200);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "a slow client held up another"
    );
    assert_eq!(slow.join().unwrap(), Some(408));
    // Headers that never end: the connection is closed (within the
    // time limit), not held open.
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream
        .write_all(b"POST /v1/check HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let mut rest = Vec::new();
    let read = stream.read_to_end(&mut rest);
    assert!(read.is_ok(), "the connection was held open: {read:?}");
    // A body cut off mid-way: the client closes its side after 100 of
    // 5000 bytes.
    let addr = server.addr.clone();
    let head = format!(
        "POST /v1/render HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
    );
    let status = raw(&addr, &head, &[b' '; 100], |s| {
        s.shutdown(std::net::Shutdown::Write).unwrap()
    });
    assert!(status.is_none_or(|s| s == 400), "{status:?}");
    assert_eq!(
        client()
            .get(format!("{}/healthz", server.url))
            .send()
            .unwrap()
            .status(),
        200
    );
}

#[test]
fn a_token_guards_every_v1_call() {
    let dir = temp("serve-token");
    std::fs::write(dir.join("token"), "s3cret-token\n").unwrap();
    let token_file = dir.join("token");
    let server = Server::start(&["--token-file", token_file.to_str().unwrap()]);
    let json = read(EXAMPLES[1]);
    for path in ["/v1/check", "/v1/render", "/v1/layout", "/v1/convert"] {
        let answer = post(&server, path, "application/json", json.clone());
        assert_eq!(answer.status(), 401, "{path}");
        assert_eq!(answer.headers()["www-authenticate"], "Bearer");
        let wrong = client()
            .post(format!("{}{path}", server.url))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer s3cret-tokem")
            .body(json.clone())
            .send()
            .unwrap();
        assert_eq!(wrong.status(), 401, "{path}");
        let right = client()
            .post(format!("{}{path}", server.url))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer s3cret-token")
            .body(json.clone())
            .send()
            .unwrap();
        assert_eq!(right.status(), 200, "{path}");
    }
    // The page and the operators' endpoints stay open.
    assert_eq!(
        client()
            .get(format!("{}/healthz", server.url))
            .send()
            .unwrap()
            .status(),
        200
    );
    let page = client().get(&server.url).send().unwrap();
    assert_eq!(page.status(), 200);
    assert!(
        page.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("default-src 'none'")
    );
    assert_eq!(page.headers()["x-content-type-options"], "nosniff");
}

#[test]
fn cors_is_off_unless_an_origin_is_named() {
    let closed = Server::start(&[]);
    let open = Server::start(&["--cors", "https://esop.example.go.id"]);
    let ask = |server: &Server| {
        client()
            .request(
                reqwest::Method::OPTIONS,
                format!("{}/v1/render", server.url),
            )
            .header("Origin", "https://esop.example.go.id")
            .header("Access-Control-Request-Method", "POST")
            .send()
            .unwrap()
    };
    assert!(
        ask(&closed)
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
    assert_eq!(
        ask(&open).headers()["access-control-allow-origin"],
        "https://esop.example.go.id"
    );
}

#[test]
fn a_hundred_concurrent_requests_are_all_answered_correctly() {
    let server = Server::start(&[]);
    let dir = temp("serve-concurrent");
    let expected: Vec<Vec<u8>> = EXAMPLES
        .iter()
        .map(|name| {
            let file = example(name);
            let out = sopflow(
                &["render", &file, "--format", "svg", "--page", "2", "-o", "-"],
                &dir,
            );
            assert!(out.status.success());
            out.stdout
        })
        .collect();
    let url = server.url.clone();
    let threads: Vec<_> = (0..100)
        .map(|i| {
            let url = url.clone();
            std::thread::spawn(move || {
                let which = i % EXAMPLES.len();
                let answer = client()
                    .post(format!("{url}/v1/render?format=svg&page=2"))
                    .header("Content-Type", "application/json")
                    .body(read(EXAMPLES[which]))
                    .send()
                    .unwrap();
                (
                    which,
                    answer.status().as_u16(),
                    answer.bytes().unwrap().to_vec(),
                )
            })
        })
        .collect();
    for thread in threads {
        let (which, status, body) = thread.join().unwrap();
        assert_eq!(status, 200);
        assert_eq!(body, expected[which], "{}", EXAMPLES[which]);
    }
}

#[test]
fn overload_is_answered_503_at_once_and_the_rest_succeed() {
    let server = Server::start(&["--workers", "1", "--queue", "1"]);
    let heavy = generated(1500);
    let url = server.url.clone();
    let started = Instant::now();
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let (url, body) = (url.clone(), heavy.clone());
            std::thread::spawn(move || {
                let answer = client()
                    .post(format!("{url}/v1/render?format=svg&page=1"))
                    .header("Content-Type", "application/json")
                    .body(body)
                    .send()
                    .unwrap();
                let retry = answer
                    .headers()
                    .get("retry-after")
                    .map(|v| v.to_str().unwrap().to_owned());
                (answer.status().as_u16(), retry, started.elapsed())
            })
        })
        .collect();
    let results: Vec<_> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let ok: Vec<_> = results.iter().filter(|r| r.0 == 200).collect();
    let busy: Vec<_> = results.iter().filter(|r| r.0 == 503).collect();
    assert_eq!(ok.len() + busy.len(), results.len(), "{results:?}");
    assert!(
        !ok.is_empty() && ok.len() <= 2,
        "two places, one worker: {results:?}"
    );
    assert!(!busy.is_empty());
    let first_done = ok.iter().map(|r| r.2).min().unwrap();
    for r in &busy {
        assert_eq!(r.1.as_deref(), Some("1"));
        assert!(r.2 < first_done, "a 503 waited for a render: {results:?}");
    }
}

#[test]
fn the_time_limit_answers_503() {
    let server = Server::start(&["--timeout", "0.3", "--workers", "1"]);
    let answer = post(
        &server,
        "/v1/render?format=pdf",
        "application/json",
        generated(3000),
    );
    assert_eq!(answer.status(), 503);
    assert_eq!(answer.headers()["retry-after"], "1");
    assert_eq!(error_code(answer), "time-limit");
}

#[test]
fn shutdown_lets_requests_in_flight_finish_and_refuses_new_ones() {
    let mut server = Server::start(&["--workers", "1"]);
    let url = server.url.clone();
    let heavy = generated(1200);
    let in_flight = std::thread::spawn(move || {
        client()
            .post(format!("{url}/v1/render?format=svg&page=1"))
            .header("Content-Type", "application/json")
            .body(heavy)
            .send()
            .map(|r| r.status().as_u16())
    });
    // Wait until the render is under way.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let metrics = client()
            .get(format!("{}/metrics", server.url))
            .send()
            .unwrap()
            .text()
            .unwrap();
        if metrics.contains("sopflow_documents_in_progress 1") {
            break;
        }
        assert!(Instant::now() < deadline, "the render never started");
        std::thread::sleep(Duration::from_millis(10));
    }
    let addr = server.addr.clone();
    let status = server.terminate();
    assert_eq!(in_flight.join().unwrap().unwrap(), 200);
    assert!(status.success(), "{status:?}");
    assert!(
        TcpStream::connect(&addr).is_err(),
        "still accepting after shutdown"
    );
}

/// 2,000 requests from 32 clients, valid and invalid mixed; every answer
/// is the one expected; prints throughput and latency.
#[test]
fn a_bounded_load_test() {
    let mut server = Server::start(&[]);
    let bodies: Vec<Vec<u8>> = EXAMPLES.iter().map(|n| read(n)).collect();
    let url = server.url.clone();
    let started = Instant::now();
    let clients: Vec<_> = (0..32)
        .map(|c| {
            let (url, bodies) = (url.clone(), bodies.clone());
            std::thread::spawn(move || {
                let http = client();
                let mut latencies = Vec::new();
                for i in 0..(2000 / 32 + usize::from(c < 2000 % 32)) {
                    let n = c * 1000 + i;
                    let body = bodies[n % bodies.len()].clone();
                    let (path, kind, body, expected) = match n % 10 {
                        0..=3 => ("/v1/check", "application/json", body, 200),
                        4..=5 => (
                            "/v1/render?format=svg&page=1",
                            "application/json",
                            body,
                            200,
                        ),
                        6 => ("/v1/layout", "application/json", body, 200),
                        7 => ("/v1/check", "application/json", b"{oops".to_vec(), 400),
                        8 => ("/v1/render", "text/plain", body, 415),
                        _ => ("/v1/render?format=gif", "application/json", body, 400),
                    };
                    let sent = Instant::now();
                    let answer = http
                        .post(format!("{url}{path}"))
                        .header("Content-Type", kind)
                        .body(body)
                        .send()
                        .unwrap();
                    let status = answer.status().as_u16();
                    let _ = answer.bytes().unwrap();
                    latencies.push(sent.elapsed());
                    assert_eq!(status, expected, "{path}");
                }
                latencies
            })
        })
        .collect();
    let mut latencies: Vec<Duration> = clients
        .into_iter()
        .flat_map(|c| c.join().unwrap())
        .collect();
    let took = started.elapsed();
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    eprintln!(
        "load: {} requests from 32 clients in {:.2} s: {:.0} requests/s, p50 {:.1} ms, p99 {:.1} ms",
        latencies.len(),
        took.as_secs_f64(),
        latencies.len() as f64 / took.as_secs_f64(),
        at(0.5).as_secs_f64() * 1000.0,
        at(0.99).as_secs_f64() * 1000.0
    );
    assert_eq!(latencies.len(), 2000);
    assert!(server.alive());
    assert_eq!(
        client()
            .get(format!("{}/healthz", server.url))
            .send()
            .unwrap()
            .status(),
        200
    );
}
