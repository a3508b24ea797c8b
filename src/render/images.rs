//! Loading the logo and signature images named in the identity sheet.
//!
//! A value is a `data:` URI or a file path. Paths are resolved against the
//! caller's image root (the CLI uses the document's folder) and must stay
//! inside it: absolute paths and `..` that leave the root are refused.
//! Without a root only `data:` URIs are accepted. Files are checked to be
//! PNG, JPEG or SVG, complete, and within the size limit.

use crate::Error;
use base64::Engine;
use std::path::{Path, PathBuf};

/// Where images may be read from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImagePolicy {
    /// Folder that relative paths are resolved against; `None` accepts
    /// only `data:` URIs.
    pub root: Option<PathBuf>,
}

/// Largest image accepted, in bytes.
pub const MAX_IMAGE_BYTES: usize = 8 << 20;

/// A checked image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// MIME type.
    pub mime: &'static str,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

impl Image {
    /// The image as a `data:` URI for SVG.
    pub fn data_uri(&self) -> String {
        format!(
            "data:{};base64,{}",
            self.mime,
            base64::engine::general_purpose::STANDARD.encode(&self.bytes)
        )
    }
}

/// Loads the image named by `value` for the field at JSON pointer `field`.
pub fn load(field: &str, value: &str, policy: &ImagePolicy) -> Result<Image, Error> {
    let fail = |reason: String| Error::Image {
        field: field.to_owned(),
        reason,
    };
    let bytes = if let Some(rest) = value.strip_prefix("data:") {
        let (meta, data) = rest
            .split_once(',')
            .ok_or_else(|| fail("the data: URI has no comma".into()))?;
        if data.len() > MAX_IMAGE_BYTES * 4 / 3 + 4 {
            return Err(fail(format!("larger than {} bytes", MAX_IMAGE_BYTES)));
        }
        if meta.ends_with(";base64") {
            base64::engine::general_purpose::STANDARD
                .decode(data.trim())
                .map_err(|e| fail(format!("the data: URI is not valid base64: {e}")))?
        } else {
            data.as_bytes().to_vec()
        }
    } else {
        read_file(value, policy).map_err(fail)?
    };
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(fail(format!("larger than {MAX_IMAGE_BYTES} bytes")));
    }
    let mime = sniff(&bytes).map_err(fail)?;
    Ok(Image { mime, bytes })
}

fn read_file(value: &str, policy: &ImagePolicy) -> Result<Vec<u8>, String> {
    let root = policy
        .root
        .as_ref()
        .ok_or("file paths are not allowed here; use a data: URI")?;
    let relative = Path::new(value);
    if relative.is_absolute() {
        return Err(format!(
            "absolute path {value:?} is not allowed; give a path relative to the document"
        ));
    }
    let root = root
        .canonicalize()
        .map_err(|e| format!("image folder {}: {e}", root.display()))?;
    let path = root
        .join(relative)
        .canonicalize()
        .map_err(|e| format!("{value:?}: {e}"))?;
    if !path.starts_with(&root) {
        return Err(format!("{value:?} lies outside the document's folder"));
    }
    let size = std::fs::metadata(&path)
        .map_err(|e| format!("{value:?}: {e}"))?
        .len();
    if size > MAX_IMAGE_BYTES as u64 {
        return Err(format!("{value:?} is larger than {MAX_IMAGE_BYTES} bytes"));
    }
    std::fs::read(&path).map_err(|e| format!("{value:?}: {e}"))
}

/// The MIME type of complete PNG, JPEG or SVG bytes.
fn sniff(bytes: &[u8]) -> Result<&'static str, String> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        let complete = bytes.len() >= 20 && bytes[bytes.len() - 8..bytes.len() - 4] == *b"IEND";
        return if complete {
            Ok("image/png")
        } else {
            Err("the PNG file is truncated".into())
        };
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return if bytes.ends_with(&[0xFF, 0xD9]) {
            Ok("image/jpeg")
        } else {
            Err("the JPEG file is truncated".into())
        };
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_lowercase();
    if head.contains("<svg") {
        let tail =
            String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(256)..]).to_lowercase();
        return if tail.contains("</svg>") || tail.trim_end().ends_with("/>") {
            Ok("image/svg+xml")
        } else {
            Err("the SVG file is truncated".into())
        };
    }
    Err("not a PNG, JPEG or SVG image".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\xff\xff?\0\x05\xfe\x02\xfe\xa7\x35\x81\x84\0\0\0\0IEND\xaeB`\x82";

    #[test]
    fn data_uris_load() {
        let uri = Image {
            mime: "image/png",
            bytes: PNG.to_vec(),
        }
        .data_uri();
        assert_eq!(
            load("/identity/logo", &uri, &ImagePolicy::default())
                .unwrap()
                .bytes,
            PNG
        );
    }

    #[test]
    fn bad_images_are_refused_with_the_field() {
        let policy = ImagePolicy::default();
        for (value, reason) in [
            ("data:image/png;base64,@@@", "base64"),
            ("data:text/plain,hello", "not a PNG"),
            ("logo.png", "not allowed"),
        ] {
            let err = load("/identity/logo", value, &policy)
                .unwrap_err()
                .to_string();
            assert!(
                err.contains("/identity/logo") && err.contains(reason),
                "{err}"
            );
        }
        let truncated = Image {
            mime: "image/png",
            bytes: PNG[..30].to_vec(),
        }
        .data_uri();
        assert!(
            load("/identity/signature", &truncated, &policy)
                .unwrap_err()
                .to_string()
                .contains("truncated")
        );
    }

    #[test]
    fn paths_stay_inside_the_root() {
        let dir = std::env::temp_dir().join(format!("sopflow-images-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("doc")).unwrap();
        std::fs::write(dir.join("doc/logo.png"), PNG).unwrap();
        std::fs::write(dir.join("secret.png"), PNG).unwrap();
        let policy = ImagePolicy {
            root: Some(dir.join("doc")),
        };
        assert!(load("/identity/logo", "logo.png", &policy).is_ok());
        let outside = load("/identity/logo", "../secret.png", &policy)
            .unwrap_err()
            .to_string();
        assert!(outside.contains("outside"), "{outside}");
        let absolute = load("/identity/logo", "/etc/passwd", &policy)
            .unwrap_err()
            .to_string();
        assert!(absolute.contains("absolute"), "{absolute}");
        let missing = load("/identity/logo", "none.png", &policy)
            .unwrap_err()
            .to_string();
        assert!(missing.contains("none.png"), "{missing}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
