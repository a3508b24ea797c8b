//! `sopflow check`: every problem of each document, as text or JSON.

use crate::input::{self, From};
use sopflow::Lang;
use sopflow::config::Config;
use std::path::PathBuf;
use std::process::ExitCode;

/// Checks each file against `config` (the paper `render` would print
/// on); exit 0 when none has errors, 1 when one is refused (a flowchart
/// too wide for that paper included), 2 when one cannot be read at all.
/// The JSON carries the layout figures on that paper (pages, connector
/// pairs, crossings, bends).
pub fn run(
    files: &[PathBuf],
    json: bool,
    from: Option<From>,
    lang: Lang,
    config: &Config,
) -> ExitCode {
    let mut worst = 0u8;
    for path in files {
        let (diagnostics, summary, figures, status) = match input::load(path, from, lang) {
            Ok((procedure, mut warnings)) => {
                // What `render` will need: the identity sheet's images, and a
                // flowchart that fits the paper.
                let policy = input::image_policy(path);
                let images = sopflow::render::check_images(procedure.identity(), &policy);
                if images.has_errors() {
                    warnings.0.extend(images.0);
                    (warnings, None, None, 1)
                } else {
                    match sopflow::layout::layout(&procedure, config) {
                        Ok(layout) => {
                            // The layout's own warnings (lanes squeezed, a
                            // row taller than a page) are the document's too.
                            warnings.0.extend(layout.warnings);
                            (warnings, Some(procedure.summary()), Some(layout.metrics), 0)
                        }
                        Err(sopflow::Error::Invalid(refused)) => {
                            warnings.0.extend(refused.0);
                            (warnings, None, None, 1)
                        }
                        Err(other) => {
                            eprintln!("{}: {other}", path.display());
                            (warnings, None, None, 1)
                        }
                    }
                }
            }
            Err(d) => {
                let status = if d.is_unreadable() { 2 } else { 1 };
                (d, None, None, status)
            }
        };
        worst = worst.max(status);
        let diagnostics = diagnostics.in_lang(lang);
        if json {
            let object = serde_json::json!({
                "file": path.display().to_string(),
                "errors": diagnostics.errors().collect::<Vec<_>>(),
                "warnings": diagnostics.warnings().collect::<Vec<_>>(),
                "summary": summary,
                "layout": figures,
            });
            println!("{object}");
            continue;
        }
        let english = lang == Lang::En;
        match &summary {
            Some(s) => {
                let time = s.service_time.as_ref().map_or(
                    if english {
                        "not computable"
                    } else {
                        "tidak dapat dihitung"
                    }
                    .to_owned(),
                    |t| t.text.clone(),
                );
                if english {
                    println!(
                        "{}: OK, {} activities, {} performers, {} decisions; service time {time}",
                        path.display(),
                        s.activities,
                        s.actors,
                        s.decisions
                    );
                } else {
                    println!(
                        "{}: OK, {} kegiatan, {} pelaksana, {} keputusan; waktu layanan {time}",
                        path.display(),
                        s.activities,
                        s.actors,
                        s.decisions
                    );
                }
            }
            None => {
                let count = diagnostics.errors().count();
                if english {
                    println!("{}: REFUSED, {count} errors", path.display());
                } else {
                    println!("{}: DITOLAK, {count} galat", path.display());
                }
            }
        }
        for d in &diagnostics.0 {
            println!("  {}", d.display_in(lang));
        }
    }
    ExitCode::from(worst)
}
