//! Layout and SVG speed on generated SOPs (design.md section 5): 20, 1,000,
//! 10,000 and 100,000 activities, text measurement included. The result is
//! dropped outside the timing (`iter_with_large_drop`): freeing a
//! 100,000-activity layout is the caller's business.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use sopflow::Procedure;
use sopflow::config::Config;
use sopflow::generate::{GenerateOptions, generate};
use sopflow::layout::layout;
use sopflow::render::flowchart_pages;
use std::time::Duration;

const SIZES: [(usize, usize); 4] = [(20, 4), (1_000, 8), (10_000, 12), (100_000, 16)];

fn procedure(activities: usize, lanes: usize) -> Procedure {
    let sop = generate(GenerateOptions::new(activities, lanes, 2026));
    Procedure::from_sop(&sop).expect("generated SOPs are valid")
}

/// Fewer, longer samples for the large sizes.
fn sized(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    activities: usize,
) {
    group.throughput(Throughput::Elements(activities as u64));
    if activities >= 10_000 {
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(if activities >= 100_000 {
                20
            } else {
                8
            }));
    }
}

fn bench_layout(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("layout");
    for (activities, lanes) in SIZES {
        let procedure = procedure(activities, lanes);
        sized(&mut group, activities);
        group.bench_with_input(
            BenchmarkId::from_parameter(activities),
            &procedure,
            |b, p| b.iter_with_large_drop(|| layout(p, &config).unwrap()),
        );
    }
    group.finish();
}

fn bench_svg(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("svg");
    for (activities, lanes) in SIZES {
        let procedure = procedure(activities, lanes);
        let laid_out = layout(&procedure, &config).unwrap();
        sized(&mut group, activities);
        group.bench_with_input(
            BenchmarkId::from_parameter(activities),
            &laid_out,
            |b, l| b.iter_with_large_drop(|| flowchart_pages(l, &config.theme)),
        );
    }
    group.finish();
}

criterion_group!(benches, bench_layout, bench_svg);
criterion_main!(benches);
