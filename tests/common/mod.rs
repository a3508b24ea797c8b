//! Helpers shared by the integration tests (each test crate uses some).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Every example document: the repository's and the shared real ones.
pub fn example_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["examples", "../shared/examples"] {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir);
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for entry in entries.flatten() {
                if entry.path().extension().is_some_and(|e| e == "json") {
                    files.push(entry.path());
                }
            }
        }
    }
    files.sort();
    files
}

/// Reads, parses and checks one document.
pub fn load(path: &std::path::Path) -> sopflow::Procedure {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    sopflow::Procedure::from_sop(&sopflow::parse_sop(&text).unwrap()).unwrap()
}

/// Runs the `sopflow` binary with `args` in `dir`.
pub fn sopflow(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sopflow"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// An empty folder of its own for the test `name`.
pub fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sopflow-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `doc.json` into `dir`: a generated SOP of 200 activities and 16
/// performers, more than F4 holds with arrows 4 pt apart (the layout warns
/// `lanes-squeezed`). Returns its bytes.
pub fn squeezed_document(dir: &Path) -> Vec<u8> {
    let args = [
        "generate",
        "--activities",
        "200",
        "--actors",
        "16",
        "--seed",
        "1",
    ];
    let out = sopflow(&args, dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(dir.join("doc.json"), &out.stdout).unwrap();
    out.stdout
}

/// Lays out a fuzzer's find (SOP JSON) on Legal portrait, where the fuzz
/// target's paper choice put it.
pub fn lay_out_on_legal_portrait(json: &str) -> sopflow::layout::Layout {
    let procedure = sopflow::Procedure::from_sop(&sopflow::parse_sop(json).unwrap()).unwrap();
    let mut config = sopflow::config::Config::default();
    config.page.paper = sopflow::config::Paper::Legal;
    config.page.landscape = false;
    sopflow::layout::layout(&procedure, &config).unwrap()
}

/// The path of a shared example SOP.
pub fn example(name: &str) -> String {
    format!("{}/../shared/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[cfg(feature = "sheet")]
/// A small XLSX-looking zip whose one part unpacks to `megabytes` MiB of
/// spaces.
pub fn zip_bomb(megabytes: usize) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/worksheets/sheet1.xml", deflated)
        .unwrap();
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..megabytes {
        zip.write_all(&spaces).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// How far `r` lies from the segment `a`-`b` (the larger of the two axis
/// gaps, as a rectangle grown by that much would touch it).
pub fn distance(
    r: &sopflow::layout::Rect,
    a: sopflow::layout::Point,
    b: sopflow::layout::Point,
) -> f32 {
    let dx = (a.x.min(b.x) - r.right()).max(r.x - a.x.max(b.x)).max(0.0);
    let dy = (a.y.min(b.y) - r.bottom()).max(r.y - a.y.max(b.y)).max(0.0);
    dx.max(dy)
}

/// The labels of `layout` that read as another arrow's: an arrow sharing
/// neither their source nor their target runs more than 3 pt nearer to
/// them than their own first segment. One line each.
pub fn labels_not_owned(layout: &sopflow::layout::Layout) -> Vec<String> {
    let mut faults = Vec::new();
    for page in &layout.pages {
        for flow in &page.flows {
            let Some(label) = &flow.label else { continue };
            let own = distance(&label.rect, flow.points[0], flow.points[1]);
            for other in &page.flows {
                if other.from == flow.from || other.to == flow.to {
                    continue;
                }
                let nearest = other
                    .points
                    .windows(2)
                    .map(|w| distance(&label.rect, w[0], w[1]))
                    .fold(f32::INFINITY, f32::min);
                if nearest < own - 3.0 {
                    faults.push(format!(
                        "page {}: the label of {} → {} lies {nearest} from {} → {}, {own} from its own arrow",
                        page.number, flow.from, flow.to, other.from, other.to
                    ));
                }
            }
        }
    }
    faults
}
