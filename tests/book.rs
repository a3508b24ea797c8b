//! `render --book`: one PDF of several SOPs, with a cover, contents,
//! book page numbers, bookmarks, the refused documents at the end, and
//! the same bytes on every run.
#![cfg(all(feature = "cli", feature = "pdf"))]

mod common;
use common::{example, sopflow, temp};

use std::path::Path;

const EXAMPLES: [&str; 3] = [
    "bps-distribusi-persediaan.json",
    "bps-layanan-perpustakaan.json",
    "bps-rekomendasi-statistik.json",
];

fn pages_of(pdf: &Path) -> usize {
    lopdf::Document::load(pdf).unwrap().get_pages().len()
}

#[test]
fn a_book_of_the_shared_examples_has_its_contents_page_numbers_and_bookmarks() {
    let dir = temp("examples");
    let files: Vec<String> = EXAMPLES.iter().map(|e| example(e)).collect();
    let mut singles = 0;
    for (i, f) in files.iter().enumerate() {
        let out = format!("single-{i}.pdf");
        assert!(sopflow(&["render", f, "-o", &out], &dir).status.success());
        singles += pages_of(&dir.join(&out));
    }
    std::fs::write(dir.join("refused.json"), "{\"activities\": []}").unwrap();
    let mut args = vec!["render"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["refused.json", "--book", "-o", "buku.pdf"]);
    let out = sopflow(&args, &dir);
    // One refused document does not stop the book; the exit code says so.
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let book = dir.join("buku.pdf");
    let total = pages_of(&book);
    // Cover, contents, the SOPs, the refused list.
    assert_eq!(total, 1 + 1 + singles + 1);
    let doc = lopdf::Document::load(&book).unwrap();
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = |page: u32| -> String {
        doc.extract_text(&[page])
            .unwrap()
            .split_whitespace()
            .collect()
    };
    assert!(text(numbers[0]).contains("BukuStandarOperasionalProsedur(SOP)"));
    assert!(text(numbers[0]).contains("BadanPusatStatistikProvinsiBengkulu"));
    let contents = text(numbers[1]);
    assert!(contents.contains("DaftarIsi"), "{contents}");
    // The first SOP starts on page 3; the next after its pages.
    let first = pages_of(&dir.join("single-0.pdf"));
    assert!(
        contents.contains("AlurDistribusiBarangPersediaanDenganCaraTransfer3"),
        "{contents}"
    );
    assert!(
        contents.contains(&format!("LayananPerpustakaan{}", 3 + first)),
        "{contents}"
    );
    for (i, &page) in numbers.iter().enumerate() {
        assert!(
            text(page).contains(&format!("BukuSOP·halaman{}dari{total}", i + 1)),
            "page {}",
            i + 1
        );
    }
    let last = text(*numbers.last().unwrap());
    assert!(
        last.contains("Dokumenyangditolak") && last.contains("refused.json"),
        "{last}"
    );
    // A bookmark per SOP, the contents and the refused list.
    let raw = std::fs::read(&book).unwrap();
    let titles = ["Daftar Isi", "Layanan Perpustakaan", "Dokumen yang ditolak"];
    assert!(String::from_utf8_lossy(&raw).contains("/Outlines"));
    let outline: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| d.get(b"Title").ok())
        .filter_map(|t| lopdf::decode_text_string(t).ok())
        .collect();
    for title in titles {
        assert!(
            outline.iter().any(|t| t.contains(title)),
            "{title} not in {outline:?}"
        );
    }
    assert_eq!(
        outline.iter().filter(|t| t.starts_with("SOP-")).count(),
        3,
        "{outline:?}"
    );
    // Parallel, yet the same bytes every time.
    let again = dir.join("again.pdf");
    let mut args2 = args.clone();
    let n = args2.len();
    args2[n - 1] = "again.pdf";
    sopflow(&args2, &dir);
    assert_eq!(std::fs::read(&again).unwrap(), raw);
}

#[test]
fn a_book_needs_one_pdf_output() {
    let dir = temp("usage");
    let f = example(EXAMPLES[0]);
    for out in ["buku.png", "buku/"] {
        let o = sopflow(&["render", &f, &f, "--book", "-o", out], &dir);
        assert_eq!(o.status.code(), Some(2), "{out}");
    }
    assert_eq!(
        sopflow(&["render", &f, "--book"], &dir).status.code(),
        Some(2)
    );
}
