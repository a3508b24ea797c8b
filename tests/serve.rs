//! `sopflow serve` over real sockets on 127.0.0.1: every endpoint, every
//! error status, outputs byte-identical to the command line's, limits,
//! the token, CORS, slow and hostile clients. Concurrency, overload, the
//! time limit, shutdown and the load test are in `serve_load.rs`.
#![cfg(all(feature = "server", feature = "cli"))]

mod common;
#[path = "common/server.rs"]
mod server;

use common::{example, sopflow, temp};
use serde_json::Value;
use server::{EXAMPLES, Server, client, error_code, post, read};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

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
    let metrics = server.metrics();
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
    // 413: over --max-body, a little or far (the client still gets the
    // answer, not a reset connection).
    for size in [65 * 1024, 24 << 20] {
        let big = vec![b' '; size];
        let answer = post(&server, "/v1/check", "application/json", big);
        assert_eq!(answer.status(), 413, "{size} bytes");
        assert_eq!(error_code(answer), "body-too-large");
    }
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
    server.assert_healthy();
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
    let mut server = Server::start(&["--timeout", "2"]);
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
    server.assert_healthy();
}

#[test]
fn a_token_guards_every_v1_call() {
    let dir = temp("serve-token");
    std::fs::write(dir.join("token"), "s3cret-token\n").unwrap();
    let token_file = dir.join("token");
    let mut server = Server::start(&["--token-file", token_file.to_str().unwrap()]);
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
    server.assert_healthy();
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
fn check_answers_the_layouts_warnings_as_the_command_line_does() {
    // Sixteen performers squeeze F4: the layout warns `lanes-squeezed`.
    let server = Server::start(&[]);
    let dir = temp("serve-squeezed");
    let document = common::squeezed_document(&dir);
    let cli = sopflow(&["check", "--json", "doc.json"], &dir);
    let mut expected: Value = serde_json::from_slice(&cli.stdout).unwrap();
    expected.as_object_mut().unwrap().remove("file");
    let answer = post(&server, "/v1/check", "application/json", document);
    assert_eq!(answer.status(), 200);
    let answer: Value = answer.json().unwrap();
    assert_eq!(answer, expected);
    let codes: Vec<&Value> = answer["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| &w["code"])
        .collect();
    assert!(codes.contains(&&Value::from("lanes-squeezed")), "{codes:?}");
    // On the paper asked for, as `--paper a4 --portrait`: refused there.
    let cli = sopflow(
        &["check", "--json", "doc.json", "--paper", "a4", "--portrait"],
        &dir,
    );
    assert_eq!(cli.status.code(), Some(1));
    let mut expected: Value = serde_json::from_slice(&cli.stdout).unwrap();
    expected.as_object_mut().unwrap().remove("file");
    let answer = post(
        &server,
        "/v1/check?paper=a4&portrait=true",
        "application/json",
        std::fs::read(dir.join("doc.json")).unwrap(),
    );
    assert_eq!(answer.status(), 422);
    let answer: Value = answer.json().unwrap();
    assert_eq!(answer, expected);
    assert!(answer["errors"][0]["code"] == "table-too-wide", "{answer}");
}
