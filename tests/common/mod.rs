//! Helpers shared by the integration tests (each test crate uses some).
#![allow(dead_code)]

use std::path::PathBuf;

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
