//! The monitoring and evaluation forms: their grids, the PDF's pages and
//! text, the workbook read back.
#![cfg(all(feature = "cli", feature = "pdf"))]

mod common;
use common::{example, sopflow, temp};

use sopflow::forms::{self, FormContext};
use sopflow::{Lang, Procedure, parse_sop};
use std::path::Path;

const EXAMPLES: [&str; 3] = [
    "bps-distribusi-persediaan.json",
    "bps-layanan-perpustakaan.json",
    "bps-rekomendasi-statistik.json",
];

fn procedure(name: &str) -> Procedure {
    let sop = parse_sop(&std::fs::read_to_string(example(name)).unwrap()).unwrap();
    Procedure::from_sop(&sop).unwrap()
}

/// The PDF's pages and its text, whitespace removed.
fn pdf(path: &Path) -> (usize, String) {
    let doc = lopdf::Document::load(path).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    (pages.len(), text.split_whitespace().collect())
}

#[test]
fn the_monitoring_table_follows_tabel_7_with_one_row_per_sop() {
    let all: Vec<Procedure> = EXAMPLES.iter().map(|e| procedure(e)).collect();
    let refs: Vec<&Procedure> = all.iter().collect();
    let context = FormContext {
        unit: None,
        period: Some("Semester II 2026".into()),
    };
    let grid = forms::monitoring(&refs, &context, Lang::Id);
    let headers: Vec<&str> = grid.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(
        headers,
        [
            "No.",
            "Prosedur",
            "Penilaian Terhadap Penerapan",
            "Catatan Hasil Penilaian",
            "Tindakan yang Harus Diambil",
            "Paraf Penilai"
        ]
    );
    assert!(grid.numbered);
    assert_eq!(grid.rows.len(), 3);
    assert_eq!(
        grid.rows[1][1],
        "Layanan Perpustakaan\nSOP-1-100/17000/2025"
    );
    assert_eq!(
        grid.rows[1][2],
        "Berjalan dengan baik\nTidak berjalan dengan baik"
    );
    assert_eq!(grid.heading[1], "Unit kerja: Tim Bagian Umum");
    assert_eq!(grid.heading[2], "Periode: Semester II 2026");
}

#[test]
fn the_forms_print_as_pdf_with_their_text() {
    let dir = temp("pdf");
    let files: Vec<String> = EXAMPLES.iter().map(|e| example(e)).collect();
    let mut args: Vec<&str> = vec!["forms"];
    args.extend(files.iter().map(String::as_str));
    let run = |form: &str, out: &str| {
        let mut a = args.clone();
        a.extend([form, "-o", out, "--unit", "BPS Provinsi Bengkulu"]);
        let o = sopflow(&a, &dir);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        pdf(&dir.join(out))
    };
    let (pages, text) = run("--monitoring", "monitoring.pdf");
    assert_eq!(pages, 1);
    for expected in [
        "MonitoringPelaksanaanSOPAP",
        "Unitkerja:BPSProvinsiBengkulu",
        "TindakanyangHarusDiambil",
        "AlurDistribusiBarangPersediaan",
        "SOP-1-103/17000/2025",
        "Tidakberjalandenganbaik",
    ] {
        assert!(text.contains(expected), "{expected} not in {text}");
    }
    // One evaluation form per SOP, the seven criteria on each.
    let (pages, text) = run("--evaluation", "evaluation.pdf");
    assert_eq!(pages, 3);
    assert_eq!(text.matches("Sinergisatudenganlainnya").count(), 3);
    assert!(text.contains("Mampumengatasipermasalahanyangberkaitandenganproses"));
    // The observation sheets: every step with its standard time.
    // (the 17 steps of the first take more than a page; the heading and
    // the column header repeat on each).
    let (pages, text) = run("--observation", "observation.pdf");
    assert!(pages > 3, "{pages}");
    assert_eq!(
        text.matches("LembarObservasiPelaksanaanSOPAP").count(),
        pages
    );
    assert!(text.contains("WaktuBaku") && text.contains("WaktuNyata"));
    assert!(text.contains("Resepsionismengarahkanpenggunalayanan"));
    // English.
    let mut a = args.clone();
    a.extend(["--monitoring", "-o", "en.pdf", "--lang", "en"]);
    assert!(sopflow(&a, &dir).status.success());
    assert!(pdf(&dir.join("en.pdf")).1.contains("ActiontoBeTaken"));
    // Not a form format.
    let mut a = args.clone();
    a.extend(["--monitoring", "-o", "form.docx"]);
    assert!(!sopflow(&a, &dir).status.success());
}

#[test]
fn the_evaluation_workbook_reads_back_one_sheet_per_sop() {
    use calamine::{Reader, Xlsx};
    let dir = temp("xlsx");
    let files: Vec<String> = EXAMPLES.iter().map(|e| example(e)).collect();
    let mut args: Vec<&str> = vec!["forms"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--evaluation", "-o", "evaluation.xlsx"]);
    assert!(sopflow(&args, &dir).status.success());
    let mut book: Xlsx<_> = calamine::open_workbook(dir.join("evaluation.xlsx")).unwrap();
    // Sheet names from the SOP numbers, `/` (which Excel refuses) as `-`.
    assert_eq!(
        book.sheet_names(),
        [
            "SOP-004-17000-2025",
            "SOP-1-100-17000-2025",
            "SOP-1-103-17000-2025"
        ]
        .map(str::to_owned)
    );
    let range = book.worksheet_range("SOP-1-100-17000-2025").unwrap();
    let cells: Vec<String> = range.used_cells().map(|(_, _, v)| v.to_string()).collect();
    assert!(cells.contains(&"Evaluasi Penerapan SOP AP".to_owned()));
    assert!(cells.contains(&"Nama SOP: Layanan Perpustakaan".to_owned()));
    assert!(cells.contains(&"Mudah dilaksanakan".to_owned()));
    assert!(cells.contains(&"Penilaian".to_owned()) && cells.contains(&"Tidak".to_owned()));
}
