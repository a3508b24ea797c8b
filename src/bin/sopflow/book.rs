//! `sopflow render … --book -o buku.pdf`: one PDF of a unit's SOPs — a
//! cover, a table of contents, each SOP with its identity sheet, the
//! documents that were refused at the end — numbered per SOP and for the
//! book, with a bookmark per SOP. Documents are read and laid out in
//! parallel; the bytes are those of a sequential run.

use crate::input::{self, From};
use rayon::prelude::*;
use sopflow::config::Config;
use sopflow::layout::{Grid, GridColumn};
use sopflow::{Diagnostics, Lang, Procedure};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// One SOP of the book, rendered.
struct Part {
    number: String,
    name: String,
    pages: Vec<String>,
}

/// Writes the book; exit 0, or 1 when a document was refused (it is listed
/// at the end of the book).
pub fn run(
    files: &[PathBuf],
    from: Option<From>,
    config: &Config,
    lang: Lang,
    out: &Path,
    quiet: bool,
) -> Result<ExitCode, String> {
    let w = |id: &str, en: &str| {
        if lang == Lang::En {
            en.to_owned()
        } else {
            id.to_owned()
        }
    };
    let bar = crate::progress::documents(files.len(), quiet);
    bar.set_message("laid out");
    let results: Vec<Result<(Procedure, Part), Diagnostics>> = files
        .par_iter()
        .map(|file| {
            let part = render_one(file, from, config, lang);
            bar.inc(1);
            part
        })
        .collect();
    bar.finish_and_clear();
    let mut parts = Vec::new();
    let mut first: Option<Procedure> = None;
    let mut refused: Vec<Vec<String>> = Vec::new();
    for (file, result) in files.iter().zip(results) {
        match result {
            Ok((procedure, part)) => {
                first.get_or_insert(procedure);
                parts.push(part);
            }
            Err(d) => {
                let problems: Vec<String> = d.errors().map(|e| e.display_in(lang)).collect();
                refused.push(vec![file.display().to_string(), problems.join("\n")]);
            }
        }
    }
    let identity = first
        .as_ref()
        .map(|p| p.identity().clone())
        .unwrap_or_default();
    let year = identity
        .effective
        .as_deref()
        .or(identity.created.as_deref())
        .and_then(sopflow::review::Date::parse)
        .map_or_else(|| sopflow::review::Date::today().year, |d| d.year);
    let cover = Grid {
        heading: vec![
            w(
                "Buku Standar Operasional Prosedur (SOP)",
                "Book of Standard Operating Procedures (SOP)",
            ),
            identity.agency.clone().unwrap_or_default(),
            identity.unit.clone().unwrap_or_default(),
            format!("{} {year}", w("Tahun", "Year")),
            format!("{} SOP", parts.len()),
        ],
        ..Grid::default()
    };
    let cover_pages = sopflow::layout::grid_pages(&cover, config);
    // The contents, laid out twice: its page count decides where the SOPs
    // start.
    let contents = |start: usize| {
        let mut page = start;
        let rows = parts
            .iter()
            .enumerate()
            .map(|(i, part)| {
                let row = vec![
                    format!("{}.", i + 1),
                    part.number.clone(),
                    part.name.clone(),
                    page.to_string(),
                ];
                page += part.pages.len();
                row
            })
            .collect();
        let column = |header: String, share: f32| GridColumn {
            header,
            group: None,
            share,
        };
        Grid {
            heading: vec![w("Daftar Isi", "Contents")],
            columns: vec![
                column(w("No.", "No."), 0.5),
                column(w("Nomor SOP", "SOP number"), 2.5),
                column(w("Nama SOP", "SOP name"), 6.0),
                column(w("Halaman", "Page"), 1.0),
            ],
            rows,
            ..Grid::default()
        }
    };
    let mut toc_pages = sopflow::layout::grid_pages(&contents(cover_pages.len() + 1 + 1), config);
    let start = cover_pages.len() + toc_pages.len() + 1;
    toc_pages = sopflow::layout::grid_pages(&contents(start), config);
    let theme = &config.theme;
    let grids = |pages: &[sopflow::layout::IdentityPage]| {
        sopflow::render::grid_svg_pages(pages, theme).map_err(|e| e.to_string())
    };
    let mut pages: Vec<String> = grids(&cover_pages)?;
    pages.extend(grids(&toc_pages)?);
    let mut bookmarks = vec![(w("Daftar Isi", "Contents"), cover_pages.len())];
    for part in &parts {
        let title = if part.number.is_empty() {
            part.name.clone()
        } else {
            format!("{} — {}", part.number, part.name)
        };
        bookmarks.push((title, pages.len()));
        pages.extend(part.pages.iter().cloned());
    }
    if !refused.is_empty() {
        let column = |header: String, share: f32| GridColumn {
            header,
            group: None,
            share,
        };
        let list = Grid {
            heading: vec![w("Dokumen yang ditolak", "Documents refused")],
            columns: vec![
                column(w("Berkas", "File"), 3.0),
                column(w("Masalah", "Problems"), 7.0),
            ],
            rows: refused.clone(),
            ..Grid::default()
        };
        bookmarks.push((w("Dokumen yang ditolak", "Documents refused"), pages.len()));
        pages.extend(grids(&sopflow::layout::grid_pages(&list, config))?);
    }
    let total = pages.len();
    let size = config.page.size();
    let labelled: Vec<String> = pages
        .iter()
        .enumerate()
        .map(|(i, svg)| {
            let text = match lang {
                Lang::Id => format!("Buku SOP · halaman {} dari {total}", i + 1),
                Lang::En => format!("SOP book · page {} of {total}", i + 1),
            };
            sopflow::render::with_label(svg, &sopflow::layout::page_label(&text, size, config))
        })
        .collect();
    let title = w("Buku SOP", "SOP book");
    let pdf =
        sopflow::render::pdf_with_outline(&labelled, &title, &config.words.language, &bookmarks)
            .map_err(|e| e.to_string())?;
    crate::output::save_atomically(out, &pdf)?;
    println!("{}", out.display());
    for row in &refused {
        eprintln!("{}: {}", row[0], row[1].replace('\n', "; "));
    }
    Ok(ExitCode::from(u8::from(!refused.is_empty())))
}

/// Reads, checks, lays out and draws one SOP.
fn render_one(
    file: &Path,
    from: Option<From>,
    config: &Config,
    lang: Lang,
) -> Result<(Procedure, Part), Diagnostics> {
    let (procedure, _) = input::load(file, from, lang)?;
    let images = input::image_policy(file);
    let unusable = sopflow::render::check_images(procedure.identity(), &images);
    if unusable.has_errors() {
        return Err(unusable);
    }
    let as_diagnostics = |e: sopflow::Error| {
        Diagnostics(vec![sopflow::Diagnostic::error(
            sopflow::Code::InvalidValue,
            "",
            e.to_string(),
        )])
    };
    let layout = sopflow::layout::layout(&procedure, config).map_err(as_diagnostics)?;
    let pages =
        sopflow::render::svg_pages(&layout, &config.theme, &images).map_err(as_diagnostics)?;
    let identity = procedure.identity();
    let part = Part {
        number: identity.number.clone().unwrap_or_default(),
        name: identity
            .name
            .clone()
            .unwrap_or_else(|| layout.title.clone()),
        pages,
    };
    Ok((procedure, part))
}
