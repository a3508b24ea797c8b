//! Reading SOPs as drafters type them: both layouts of
//! `spreadsheet-format.md`, merged headers of one to three rows, every
//! Lanjut form, CSV from Indonesian Excel, ODS and XLS files, the identity
//! sheet, and each refusal with its cell.
#![cfg(feature = "sheet")]

mod common;

use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Workbook, Worksheet};
use sopflow::import::{self, Format, ImportOptions, Imported, Lang};
use sopflow::model::{Branch, Kind, Next, Sop};
use sopflow::{Code, Diagnostics};

fn options() -> ImportOptions {
    ImportOptions::default()
}

/// A workbook of one sheet "Prosedur" holding `rows`, with `merges`
/// (first row, first col, last row, last col) and an optional identity sheet.
fn xlsx(
    rows: &[&[&str]],
    merges: &[(u32, u16, u32, u16)],
    identity: Option<fn(&mut Worksheet)>,
) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Prosedur").unwrap();
    let plain = CellFormat::new();
    for &(r1, c1, r2, c2) in merges {
        let text = rows[r1 as usize][c1 as usize];
        sheet.merge_range(r1, c1, r2, c2, text, &plain).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            let inside = merges.iter().any(|&(r1, c1, r2, c2)| {
                (r1..=r2).contains(&(r as u32)) && (c1..=c2).contains(&(c as u16))
            });
            if !text.is_empty() && !inside {
                sheet.write_string(r as u32, c as u16, *text).unwrap();
            }
        }
    }
    if let Some(fill) = identity {
        let sheet = book.add_worksheet();
        sheet.set_name("Identitas").unwrap();
        fill(sheet);
    }
    book.save_to_buffer().unwrap()
}

fn read(bytes: Vec<u8>, format: Format) -> Imported {
    import::read_bytes(bytes, format, &options()).unwrap_or_else(|d| panic!("{d}"))
}

fn refused(bytes: Vec<u8>, format: Format) -> Diagnostics {
    match import::read_bytes(bytes, format, &options()).and_then(|i| i.into_procedure().map(|_| ()))
    {
        Ok(()) => panic!("accepted"),
        Err(d) => d,
    }
}

fn flows(sop: &Sop) -> Vec<String> {
    let procedure = sopflow::Procedure::from_sop(sop).unwrap();
    let steps = procedure.steps();
    procedure
        .flows()
        .iter()
        .map(|f| {
            let label = f
                .label
                .as_ref()
                .map(|l| format!(" [{l:?}]"))
                .unwrap_or_default();
            format!("{}->{}{label}", steps[f.from].id, steps[f.to].id)
        })
        .collect()
}

const LIST: &[&[&str]] = &[
    &["SOP Pelayanan Surat Keterangan"],
    &[],
    &[
        "No.",
        "Uraian Kegiatan",
        "Pelaku",
        "Persyaratan",
        "Waktu",
        "Hasil",
        "Catatan",
        "Lanjut ke",
    ],
    &[
        "1",
        "Mengajukan permohonan",
        "Pemohon",
        "1. KTP\n2. KK",
        "5 menit",
        "Berkas",
        "",
        "",
    ],
    &[
        "2",
        "Memeriksa berkas",
        "Petugas",
        "Berkas",
        "10 menit",
        "",
        "",
        "Lengkap: 3; Belum lengkap: 1",
    ],
    &[
        "3",
        "Menandatangani surat",
        "Kepala; Petugas",
        "",
        "1 hari",
        "Surat",
        "paraf",
        "4",
    ],
    &[
        "4",
        "Menyerahkan surat",
        "Petugas",
        "",
        "5 menit",
        "",
        "",
        "-",
    ],
];

#[test]
fn the_list_layout_reads_performers_joint_activities_and_inferred_kinds() {
    let sop = read(xlsx(LIST, &[], None), Format::Xlsx).sop;
    let names: Vec<&str> = sop.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Pemohon", "Petugas", "Kepala"]);
    let kinds: Vec<Option<Kind>> = sop.activities.iter().map(|a| a.kind).collect();
    assert_eq!(
        kinds,
        [
            Some(Kind::Start),
            Some(Kind::Decision),
            Some(Kind::Process),
            Some(Kind::End)
        ]
    );
    assert_eq!(sop.activities[0].requirements, ["KTP", "KK"]);
    assert_eq!(sop.activities[2].actor, ["Kepala", "Petugas"]);
    assert_eq!(sop.activities[2].notes.as_deref(), Some("paraf"));
    assert_eq!(sop.activities[0].output.as_deref(), Some("Berkas"));
    assert_eq!(
        flows(&sop),
        [
            "1->2",
            "2->3 [Text(\"Lengkap\")]",
            "2->1 [Text(\"Belum lengkap\")]",
            "3->4"
        ]
    );
}

#[test]
fn a_csv_from_indonesian_excel_reads_like_the_workbook() {
    let mut csv = b"\xef\xbb\xbfSOP Pelayanan Surat Keterangan;;;;;;;\r\n;;;;;;;\r\n".to_vec();
    for row in &LIST[2..] {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                if c.contains(['\n', ';']) {
                    format!("\"{c}\"")
                } else {
                    (*c).to_owned()
                }
            })
            .collect();
        csv.extend_from_slice(cells.join(";").replace('\n', "\r\n").as_bytes());
        csv.extend_from_slice(b"\r\n");
    }
    let from_csv = read(csv, Format::Csv).sop;
    let from_xlsx = read(xlsx(LIST, &[], None), Format::Xlsx).sop;
    assert_eq!(from_csv, from_xlsx);
}

#[test]
fn a_three_row_merged_header_gives_groups_and_keeps_repeated_names_apart() {
    let rows: &[&[&str]] = &[
        &[
            "No",
            "Kegiatan",
            "Pelaksana",
            "",
            "",
            "",
            "Mutu Baku",
            "",
            "",
            "Keterangan",
        ],
        &[
            "",
            "",
            "Satker Penerima",
            "",
            "Satker Pengirim",
            "",
            "Kelengkapan",
            "Waktu",
            "Output",
            "",
        ],
        &[
            "", "", "Operator", "Approver", "Operator", "Approver", "", "", "", "",
        ],
        &[
            "1",
            "Mengirim barang",
            "",
            "",
            "√",
            "",
            "",
            "1 hari",
            "",
            "",
        ],
        &[
            "2",
            "Menerima dan menyetujui",
            "●",
            "1",
            "",
            "",
            "",
            "2 jam",
            "",
            "",
        ],
        &[
            "3",
            "Menyetujui pengiriman",
            "",
            "",
            "",
            "X",
            "",
            "",
            "",
            "",
        ],
    ];
    let merges = [
        (0, 0, 2, 0),
        (0, 1, 2, 1),
        (0, 2, 0, 5),
        (1, 2, 1, 3),
        (1, 4, 1, 5),
        (0, 6, 0, 8),
        (1, 6, 2, 6),
        (1, 7, 2, 7),
        (1, 8, 2, 8),
        (0, 9, 2, 9),
    ];
    let sop = read(xlsx(rows, &merges, None), Format::Xlsx).sop;
    let actors: Vec<(&str, Option<&str>, &str)> = sop
        .actors
        .iter()
        .map(|a| (a.name.as_str(), a.group.as_deref(), a.key()))
        .collect();
    assert_eq!(
        actors,
        [
            (
                "Operator",
                Some("Satker Penerima"),
                "Satker Penerima / Operator"
            ),
            (
                "Approver",
                Some("Satker Penerima"),
                "Satker Penerima / Approver"
            ),
            (
                "Operator",
                Some("Satker Pengirim"),
                "Satker Pengirim / Operator"
            ),
            (
                "Approver",
                Some("Satker Pengirim"),
                "Satker Pengirim / Approver"
            ),
        ]
    );
    assert_eq!(
        sop.activities[1].actor,
        ["Satker Penerima / Operator", "Satker Penerima / Approver"]
    );
    assert_eq!(sop.activities[0].time.as_deref(), Some("1 hari"));
    // Without a Jenis column the last row is the end.
    assert_eq!(sop.activities[2].kind, Some(Kind::End));
    sopflow::Procedure::from_sop(&sop).unwrap();
}

#[test]
fn a_two_row_header_without_merges_is_read_from_its_texts() {
    let rows: &[&[&str]] = &[
        &[
            "No",
            "Kegiatan",
            "Pelaksana",
            "",
            "Mutu Baku",
            "",
            "",
            "Jenis",
            "Lanjut",
        ],
        &[
            "",
            "",
            "Pemohon",
            "Petugas",
            "Kelengkapan",
            "Waktu",
            "Output",
            "",
            "",
        ],
        &["1", "2", "3", "4", "5", "6", "7", "8", "9"],
        &[
            "1",
            "Mengisi formulir",
            "v",
            "",
            "",
            "5 menit",
            "Formulir",
            "Mulai",
            "",
        ],
        &[
            "2",
            "Memverifikasi",
            "",
            "v",
            "",
            "5 menit",
            "",
            "Keputusan",
            "Ya: 3\nTidak: 1",
        ],
        &["3", "Mencetak", "", "v", "", "", "", "SELESAI", ""],
    ];
    let sop = read(xlsx(rows, &[], None), Format::Xlsx).sop;
    assert_eq!(sop.actors.len(), 2);
    assert_eq!(
        sop.activities.len(),
        3,
        "the column-number row is no activity"
    );
    let decision = &sop.activities[1];
    assert_eq!(
        (decision.yes.as_deref(), decision.no.as_deref()),
        (Some("3"), Some("1"))
    );
    assert_eq!(decision.kind, Some(Kind::Decision));
    assert_eq!(sop.activities[2].kind, Some(Kind::End));
    assert_eq!(sop.activities[0].output.as_deref(), Some("Formulir"));
}

#[test]
fn every_lanjut_form_is_read() {
    let rows: &[&[&str]] = &[
        &["No", "Kegiatan", "Pelaksana", "Jenis", "Lanjut"],
        &["1", "Mulai", "A", "mulai", ""],
        &["2", "Membagi", "A", "proses", "3, 4"],
        &["3", "Cabang satu", "A", "proses", "5"],
        &["4", "Cabang dua", "B", "proses", "5"],
        &["5", "Memilih", "B", "decision", "Online -> 6; Offline = 7"],
        &["6", "Daring", "B", "", "selesai"],
        &["7", "Luring", "A", "end", ""],
    ];
    let sop = read(xlsx(rows, &[], None), Format::Xlsx).sop;
    let next = |i: usize| sop.activities[i].next.clone();
    assert_eq!(
        next(1),
        Some(Next::Many(vec![
            Branch::To("3".into()),
            Branch::To("4".into())
        ]))
    );
    assert_eq!(next(2), Some(Next::One("5".into())));
    let labels: Vec<Option<&str>> = match &sop.activities[4].next {
        Some(Next::Many(list)) => list.iter().map(Branch::label).collect(),
        other => panic!("{other:?}"),
    };
    assert_eq!(labels, [Some("Online"), Some("Offline")]);
    assert_eq!(
        next(5),
        Some(Next::Many(Vec::new())),
        "`selesai`: no successor"
    );
    assert_eq!(
        sop.activities[5].kind, None,
        "an empty Jenis cell keeps the default"
    );
    assert_eq!(next(6), None);
}

#[test]
fn the_identity_sheet_reads_lists_and_real_dates() {
    let bytes = xlsx(
        LIST,
        &[],
        Some(|sheet| {
            let date = CellFormat::new().set_num_format("dd/mm/yyyy");
            let rows = [
                ("IDENTITAS SOP", ""),
                ("Instansi", "Pemerintah Kota Contoh"),
                ("Nomor SOP", "800/12/2024"),
                ("Disahkan Oleh", "Kepala Dinas"),
                ("Nama Pejabat", "Dr. A"),
                ("NIP", "19700101 199001 1 001"),
                ("Dasar Hukum", "1. UU 25/2009\n2. PP 96/2012"),
                ("Peralatan/Perlengkapan", "Komputer"),
                ("", "Printer"),
                ("Warna Sampul", "biru"),
            ];
            for (r, (label, value)) in rows.iter().enumerate() {
                sheet.write_string(r as u32, 0, *label).unwrap();
                sheet.write_string(r as u32, 1, *value).unwrap();
            }
            sheet.write_string(10, 0, "Tanggal Pembuatan").unwrap();
            let when = ExcelDateTime::from_ymd(2024, 3, 5).unwrap();
            sheet
                .write_datetime_with_format(10, 1, &when, &date)
                .unwrap();
        }),
    );
    let imported = read(bytes, Format::Xlsx);
    let identity = imported.sop.identity.clone().unwrap();
    assert_eq!(identity.agency.as_deref(), Some("Pemerintah Kota Contoh"));
    assert_eq!(identity.created.as_deref(), Some("2024-03-05"));
    assert_eq!(identity.legal_basis, ["UU 25/2009", "PP 96/2012"]);
    assert_eq!(identity.equipment, ["Komputer", "Printer"]);
    let approval = identity.approved_by.unwrap();
    assert_eq!(approval.name.as_deref(), Some("Dr. A"));
    let warning = imported.warnings.warnings().next().unwrap();
    assert_eq!(
        (warning.code, warning.cell.as_deref()),
        (Code::UnknownColumn, Some("Identitas!A10"))
    );
}

#[test]
fn an_xls_workbook_with_merged_headers_and_a_date_cell_is_read() {
    let bytes = include_bytes!("fixtures/matrix-merged.xls").to_vec();
    let sop = read(bytes, Format::Xls).sop;
    let names: Vec<&str> = sop.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Pemohon", "Petugas", "Kepala Seksi"]);
    assert_eq!(sop.activities[0].requirements, ["Surat permohonan", "KTP"]);
    assert_eq!(sop.activities[1].kind, Some(Kind::Decision));
    assert_eq!(
        sop.activities[0].id.as_deref(),
        Some("1"),
        "a number cell is its text"
    );
    let identity = sop.identity.unwrap();
    assert_eq!(identity.created.as_deref(), Some("2024-03-05"));
    assert_eq!(identity.legal_basis.len(), 2);
}

#[test]
fn an_ods_file_with_spanned_cells_and_joint_marks_is_read() {
    let bytes = include_bytes!("fixtures/matrix-joint.ods").to_vec();
    let sop = read(bytes, Format::Ods).sop;
    let names: Vec<&str> = sop.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Staf", "Kasubag"]);
    assert_eq!(sop.activities[1].actor, ["Staf", "Kasubag"]);
    assert_eq!(sop.activities[1].text, "Memeriksa surat\nmasuk");
    assert_eq!(sop.activities[2].kind, Some(Kind::End));
}

/// The one error of a refused workbook, as (code, cell, message).
fn the_error(d: &Diagnostics) -> (Code, Option<&str>, &str) {
    let errors: Vec<_> = d.errors().collect();
    assert_eq!(errors.len(), 1, "{d}");
    (
        errors[0].code,
        errors[0].cell.as_deref(),
        errors[0].message.as_str(),
    )
}

#[test]
fn a_target_that_is_not_in_the_table_is_named_by_its_cell() {
    let rows: &[&[&str]] = &[
        &["No", "Kegiatan", "Pelaksana", "Jenis", "Lanjut"],
        &["1", "Mulai", "A", "mulai", ""],
        &["2", "Memeriksa", "A", "keputusan", "Ya: 3; Tidak: 9"],
        &["3", "Selesai", "A", "selesai", ""],
    ];
    let d = refused(xlsx(rows, &[], None), Format::Xlsx);
    assert_eq!(
        the_error(&d),
        (
            Code::InvalidCell,
            Some("Prosedur!E3"),
            "\"Tidak: 9\" menunjuk kegiatan 9, yang tidak ada dalam tabel"
        )
    );
    let english = ImportOptions {
        lang: Lang::En,
        ..ImportOptions::default()
    };
    let d = import::read_bytes(xlsx(rows, &[], None), Format::Xlsx, &english).unwrap_err();
    assert_eq!(
        the_error(&d).2,
        "\"Tidak: 9\" points to activity 9, which is not in the table"
    );
    assert!(d.to_string().contains("Prosedur!E3"), "{d}");
}

#[test]
fn every_refused_cell_is_reported_at_once() {
    let rows: &[&[&str]] = &[
        &["No", "Kegiatan", "Pelaksana", "Jenis", "Lanjut"],
        &["1", "", "A", "mulai", ""],
        &["2", "Memeriksa", "", "lingkaran", ""],
        &["3", "Selesai", "A", "selesai", "Ya:"],
    ];
    let d = refused(xlsx(rows, &[], None), Format::Xlsx);
    let cells: Vec<&str> = d.errors().filter_map(|e| e.cell.as_deref()).collect();
    assert_eq!(
        cells,
        ["Prosedur!E4", "Prosedur!B2", "Prosedur!C3", "Prosedur!D3"],
        "{d}"
    );
}

#[test]
fn what_validation_refuses_after_import_names_the_cell() {
    let rows: &[&[&str]] = &[
        &["No", "Kegiatan", "Pelaksana", "Jenis", "Lanjut"],
        &["1", "Mulai", "A", "mulai", ""],
        &["2", "Memeriksa", "A", "keputusan", "3"],
        &["3", "Selesai", "A", "selesai", ""],
    ];
    let d = refused(xlsx(rows, &[], None), Format::Xlsx);
    let (code, cell, _) = the_error(&d);
    assert_eq!((code, cell), (Code::DecisionOutcomes, Some("Prosedur!E3")));
}

#[test]
fn a_workbook_without_a_kegiatan_column_is_refused() {
    let rows: &[&[&str]] = &[&["Nama", "Nilai"], &["a", "1"]];
    let d = refused(xlsx(rows, &[], None), Format::Xlsx);
    assert_eq!(the_error(&d).0, Code::NoProcedureSheet);
}

#[test]
fn files_that_are_not_workbooks_are_refused_with_a_reason() {
    let pdf = b"%PDF-1.7\n1 0 obj\n".to_vec();
    let d = refused(pdf, Format::Xlsx);
    assert_eq!(
        the_error(&d),
        (
            Code::UnreadableWorkbook,
            None,
            "berkas ini a PDF file, bukan buku kerja (workbook)"
        )
    );
    let mut truncated = xlsx(LIST, &[], None);
    truncated.truncate(truncated.len() / 2);
    let d = refused(truncated, Format::Xlsx);
    assert!(the_error(&d).2.contains("terpotong"), "{d}");
    let d = refused(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1not really".to_vec(),
        Format::Xls,
    );
    assert_eq!(the_error(&d).0, Code::UnreadableWorkbook);
    let d = refused(b"No,Kegiatan\n\x00\x01\x02".to_vec(), Format::Csv);
    assert_eq!(the_error(&d).0, Code::UnreadableWorkbook);
    let d = refused(Vec::new(), Format::Ods);
    assert_eq!(the_error(&d).0, Code::UnreadableWorkbook);
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    let bytes = common::zip_bomb(64);
    assert!(bytes.len() < 1 << 20);
    let d = refused(bytes, Format::Xlsx);
    let (code, _, message) = the_error(&d);
    assert_eq!(code, Code::UnreadableWorkbook);
    assert!(message.contains("bom zip"), "{message}");
}

#[test]
fn an_ods_whose_repeated_rows_would_unpack_into_a_huge_block_is_refused() {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("content.xml", stored).unwrap();
    // 200 bytes that calamine 0.38 would expand into 100 million cells.
    zip.write_all(
        b"<?xml version=\"1.0\"?><office:document-content><office:body><office:spreadsheet>\
          <table:table table:name=\"Prosedur\"><table:table-row table:number-rows-repeated=\"1000000\">\
          <table:table-cell office:value-type=\"float\" office:value=\"1\" \
          table:number-columns-repeated=\"100\"/></table:table-row></table:table>\
          </office:spreadsheet></office:body></office:document-content>",
    )
    .unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let d = refused(bytes, Format::Ods);
    let (code, _, message) = the_error(&d);
    assert_eq!(code, Code::UnreadableWorkbook);
    assert!(message.contains("lebih dari 2097152 sel"), "{message}");
}

#[test]
fn the_limits_of_the_json_reader_apply() {
    let long = "x".repeat(101);
    let rows: &[&[&str]] = &[&["No", "Kegiatan", "Pelaksana"], &["1", &long, "A"]];
    let small = ImportOptions {
        limits: sopflow::Limits {
            max_text_chars: 100,
            ..sopflow::Limits::default()
        },
        ..ImportOptions::default()
    };
    let d = import::read_bytes(xlsx(rows, &[], None), Format::Xlsx, &small).unwrap_err();
    assert_eq!(
        (the_error(&d).0, the_error(&d).1),
        (Code::LimitExceeded, Some("Prosedur!B2"))
    );
    let few = ImportOptions {
        limits: sopflow::Limits {
            max_activities: 2,
            ..sopflow::Limits::default()
        },
        ..ImportOptions::default()
    };
    let d = import::read_bytes(xlsx(LIST, &[], None), Format::Xlsx, &few).unwrap_err();
    assert_eq!(the_error(&d).0, Code::LimitExceeded);
    let tiny = ImportOptions {
        limits: sopflow::Limits {
            max_input_bytes: 100,
            ..sopflow::Limits::default()
        },
        ..ImportOptions::default()
    };
    let d = import::read_bytes(xlsx(LIST, &[], None), Format::Xlsx, &tiny).unwrap_err();
    assert_eq!(the_error(&d).0, Code::LimitExceeded);
}

#[test]
fn the_template_reads_back_as_one_example_row() {
    let bytes = sopflow::export::template_xlsx().unwrap();
    let imported = read(bytes, Format::Xlsx);
    assert_eq!(imported.sop.activities.len(), 1);
    assert_eq!(imported.sop.actors.len(), 3);
    assert!(imported.sop.identity.is_none());
    assert!(imported.warnings.0.is_empty(), "{}", imported.warnings);
}

#[test]
fn a_cell_under_no_header_is_warned_of() {
    // An unquoted `;` inside a Lanjut cell splits it in two in CSV.
    let csv =
        "No;Kegiatan;Pelaksana;Lanjut\n1;Mulai;A;\n2;Memeriksa;A;Ya: 3; Tidak: 1\n3;Selesai;A;\n";
    let imported = read(csv.as_bytes().to_vec(), Format::Csv);
    let warning = imported.warnings.warnings().next().unwrap();
    assert_eq!(
        (warning.code, warning.cell.as_deref()),
        (Code::UnknownColumn, Some("CSV!E3"))
    );
}

#[test]
fn a_damaged_xls_container_is_an_error_not_a_panic() {
    // Found by the workbook fuzzer: calamine 0.38 indexes past a truncated
    // compound-file sector.
    let bytes = include_bytes!("fixtures/damaged-cfb.xls").to_vec();
    let d = refused(bytes, Format::Xls);
    let (code, _, message) = the_error(&d);
    assert_eq!(code, Code::UnreadableWorkbook);
    assert!(message.contains("struktur berkas rusak"), "{message}");
}

#[test]
fn an_xls_container_whose_chains_loop_is_refused_before_it_is_read() {
    // Found by the workbook fuzzer: calamine 0.38 follows a looping sector
    // chain until memory runs out.
    let bytes = include_bytes!("fixtures/looping-cfb.xls").to_vec();
    let d = refused(bytes, Format::Xls);
    let (code, _, message) = the_error(&d);
    assert_eq!(code, Code::UnreadableWorkbook);
    assert!(message.contains("struktur berkas rusak"), "{message}");
}

#[test]
fn a_password_protected_workbook_is_refused_with_that_reason() {
    let bytes = include_bytes!("fixtures/password.xlsx").to_vec();
    let d = refused(bytes, Format::Xlsx);
    let (code, _, message) = the_error(&d);
    assert_eq!(code, Code::UnreadableWorkbook);
    assert_eq!(
        message,
        "buku kerja dilindungi kata sandi; simpan tanpa kata sandi"
    );
}

#[test]
fn an_xls_sheet_whose_cells_span_a_huge_block_is_refused_before_it_is_read() {
    // Found by the workbook fuzzer: calamine 0.38 allocates one dense
    // block from a sheet's first to its last cell (here gigabytes).
    let bytes = include_bytes!("fixtures/huge-extent.xls").to_vec();
    let d = refused(bytes, Format::Xls);
    let (code, _, message) = the_error(&d);
    assert_eq!(code, Code::UnreadableWorkbook);
    assert!(message.contains("struktur berkas rusak"), "{message}");
}

#[test]
fn an_xls_sheet_declaring_huge_dimensions_is_refused_before_calamine_reserves_them() {
    // Found by the workbook fuzzer: calamine 0.38 reserves room for the
    // block a DIMENSIONS record declares (here 4 GB) before reading cells.
    let bytes = include_bytes!("fixtures/huge-dimensions.xls").to_vec();
    let d = refused(bytes, Format::Xls);
    let (code, _, message) = the_error(&d);
    assert_eq!(code, Code::UnreadableWorkbook);
    assert!(message.contains("declares 50331648 rows"), "{message}");
}

#[test]
fn an_xls_sheet_whose_far_cell_hides_inside_another_record_is_refused() {
    // Found by the workbook fuzzer: the sheet's offset points inside a
    // record, so its cells only show when read from that offset, as
    // calamine reads them (gigabytes of dense block).
    let bytes = include_bytes!("fixtures/misaligned-sheet.xls").to_vec();
    let d = refused(bytes, Format::Xls);
    let (code, _, message) = the_error(&d);
    assert_eq!(code, Code::UnreadableWorkbook);
    assert!(message.contains("more than 2097152 cells"), "{message}");
}
