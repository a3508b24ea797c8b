//! The whole pipeline as a user runs it, on generated SOPs: the JSON text
//! → parse → validate → layout → SVG pages, and → the geometry JSON
//! (`sopflow layout`). The word cache is warm after the first iteration,
//! as in a server; `sopflow layout` as a process pays shaping once more.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use sopflow::config::Config;
use sopflow::generate::{GenerateOptions, generate};
use sopflow::layout::{layout, write_json};
use sopflow::render::flowchart_pages;
use sopflow::{Procedure, parse_sop};
use std::time::Duration;

const SIZES: [(usize, usize); 3] = [(1_000, 8), (10_000, 12), (100_000, 16)];

fn document(activities: usize, lanes: usize) -> String {
    let sop = generate(GenerateOptions::new(activities, lanes, 2026));
    serde_json::to_string(&sop).expect("a generated SOP serialises")
}

fn bench_pipeline(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("pipeline");
    for (activities, lanes) in SIZES {
        let json = document(activities, lanes);
        group.throughput(Throughput::Elements(activities as u64));
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(if activities >= 100_000 {
                30
            } else {
                8
            }));
        group.bench_with_input(BenchmarkId::new("svg", activities), &json, |b, json| {
            b.iter_with_large_drop(|| {
                let sop = parse_sop(json).expect("valid");
                let procedure = Procedure::from_sop(&sop).expect("valid");
                let laid_out = layout(&procedure, &config).unwrap();
                flowchart_pages(&laid_out, &config.theme)
            })
        });
        group.bench_with_input(BenchmarkId::new("json", activities), &json, |b, json| {
            let mut out = Vec::with_capacity(json.len() * 8);
            b.iter(|| {
                out.clear();
                let sop = parse_sop(json).expect("valid");
                let procedure = Procedure::from_sop(&sop).expect("valid");
                let laid_out = layout(&procedure, &config).unwrap();
                write_json(&laid_out, &mut out, false).expect("in memory");
                out.len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_pipeline);
criterion_main!(benches);
