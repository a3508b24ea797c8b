//! `sopflow serve` under load, over real sockets on 127.0.0.1: 100
//! concurrent requests, overload (503 at once), the time limit, shutdown
//! with a request in flight, and a bounded load test that prints its
//! figures.
#![cfg(all(feature = "server", feature = "cli"))]

mod common;
#[path = "common/server.rs"]
mod server;

use common::{example, sopflow, temp};
use server::{EXAMPLES, Server, client, error_code, generated, post, read};
use std::net::TcpStream;
use std::time::{Duration, Instant};

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
        let metrics = server.metrics();
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
    server.assert_healthy();
}
