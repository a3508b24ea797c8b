//! The peer-comparison graphs: `../shared/bench/gen_sop.py --n N --seed 1`
//! (needs `python3` and the shared folder next to the repository). Used by
//! `tests/peer_graphs.rs` and `benches/quality.rs`.

use std::path::PathBuf;
use std::process::Command;

/// The generator's document of `n` activities, seed 1.
pub fn generated(n: usize) -> String {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen_sop.py");
    let out = Command::new("python3")
        .arg(&script)
        .args(["--n", &n.to_string(), "--seed", "1"])
        .output()
        .unwrap_or_else(|e| panic!("python3 {}: {e}", script.display()));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("the generator writes UTF-8")
}
