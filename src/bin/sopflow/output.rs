//! Writing what the commands produce.

use std::path::{Path, PathBuf};

/// Writes `bytes` to a temporary file beside `path`, then renames it.
pub fn save_atomically(path: &Path, bytes: &[u8]) -> Result<PathBuf, String> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = path.with_file_name(format!(".{name}.{}.part", std::process::id()));
    std::fs::write(&temporary, bytes)
        .and_then(|()| std::fs::rename(&temporary, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&temporary);
            format!("{}: {e}", path.display())
        })?;
    Ok(path.to_path_buf())
}
