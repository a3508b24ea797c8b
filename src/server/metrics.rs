//! The service's own numbers, in the Prometheus text format: requests by
//! endpoint and status, a latency histogram by endpoint, documents in
//! progress and requests turned away.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::time::Duration;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

/// Counters kept since the service started.
#[derive(Default)]
pub(super) struct Metrics {
    data: Mutex<Data>,
}

#[derive(Default)]
struct Data {
    requests: BTreeMap<(&'static str, u16), u64>,
    latency: BTreeMap<&'static str, Histogram>,
}

#[derive(Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    sum: f64,
    count: u64,
}

impl Metrics {
    /// Counts one answered request.
    pub(super) fn record(&self, endpoint: &'static str, status: u16, took: Duration) {
        let mut data = self.data.lock().unwrap_or_else(|p| p.into_inner());
        *data.requests.entry((endpoint, status)).or_default() += 1;
        let histogram = data.latency.entry(endpoint).or_default();
        let seconds = took.as_secs_f64();
        for (count, bound) in histogram.counts.iter_mut().zip(BUCKETS) {
            if seconds <= bound {
                *count += 1;
            }
        }
        histogram.sum += seconds;
        histogram.count += 1;
    }

    /// The Prometheus text exposition, with `in_progress` documents being
    /// worked on now.
    pub(super) fn text(&self, in_progress: usize) -> String {
        let data = self.data.lock().unwrap_or_else(|p| p.into_inner());
        let mut out = String::new();
        out.push_str("# HELP sopflow_requests_total Requests answered, by endpoint and status.\n");
        out.push_str("# TYPE sopflow_requests_total counter\n");
        for ((endpoint, status), n) in &data.requests {
            let _ = writeln!(
                out,
                "sopflow_requests_total{{endpoint=\"{endpoint}\",status=\"{status}\"}} {n}"
            );
        }
        out.push_str(
            "# HELP sopflow_request_duration_seconds Time from request to response, by endpoint.\n",
        );
        out.push_str("# TYPE sopflow_request_duration_seconds histogram\n");
        for (endpoint, h) in &data.latency {
            for (count, bound) in h.counts.iter().zip(BUCKETS) {
                let _ = writeln!(
                    out,
                    "sopflow_request_duration_seconds_bucket{{endpoint=\"{endpoint}\",le=\"{bound}\"}} {count}"
                );
            }
            let _ = writeln!(
                out,
                "sopflow_request_duration_seconds_bucket{{endpoint=\"{endpoint}\",le=\"+Inf\"}} {}",
                h.count
            );
            let _ = writeln!(
                out,
                "sopflow_request_duration_seconds_sum{{endpoint=\"{endpoint}\"}} {}",
                h.sum
            );
            let _ = writeln!(
                out,
                "sopflow_request_duration_seconds_count{{endpoint=\"{endpoint}\"}} {}",
                h.count
            );
        }
        out.push_str("# HELP sopflow_documents_in_progress Documents being worked on now.\n");
        out.push_str("# TYPE sopflow_documents_in_progress gauge\n");
        let _ = writeln!(out, "sopflow_documents_in_progress {in_progress}");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_exposition_counts_and_buckets_each_request() {
        let metrics = Metrics::default();
        metrics.record("/v1/render", 200, Duration::from_millis(30));
        metrics.record("/v1/render", 200, Duration::from_millis(700));
        metrics.record("/v1/check", 422, Duration::from_millis(2));
        let text = metrics.text(1);
        assert!(
            text.contains("sopflow_requests_total{endpoint=\"/v1/render\",status=\"200\"} 2\n")
        );
        assert!(text.contains("sopflow_requests_total{endpoint=\"/v1/check\",status=\"422\"} 1\n"));
        assert!(text.contains(
            "sopflow_request_duration_seconds_bucket{endpoint=\"/v1/render\",le=\"0.05\"} 1\n"
        ));
        assert!(text.contains(
            "sopflow_request_duration_seconds_bucket{endpoint=\"/v1/render\",le=\"1\"} 2\n"
        ));
        assert!(
            text.contains("sopflow_request_duration_seconds_count{endpoint=\"/v1/render\"} 2\n")
        );
        assert!(text.contains("sopflow_documents_in_progress 1\n"));
    }
}
