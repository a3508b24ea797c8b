//! Long procedures: page breaks, repeated headers, footers, paired
//! connectors, tall rows, paper sizes.

mod common;

use sopflow::config::{Config, ConnectorLabels, PageBreaks, Paper};
use sopflow::generate::{GenerateOptions, generate};
use sopflow::layout::{ConnectorEnd, Layout, layout, verify};
use sopflow::{Code, Procedure};

fn long_sop(activities: usize, seed: u64) -> Procedure {
    Procedure::from_sop(&generate(GenerateOptions::new(activities, 6, seed))).unwrap()
}

/// The fewest pages any choice of breaks could give, computed from scratch
/// (an oracle for the layout's own optimiser): every cut arrow needs a
/// connector in its lane in the band below its source's page and above its
/// target's page; three connectors fit side by side in a lane's band row.
fn fewest_pages(procedure: &Procedure, layout: &Layout) -> usize {
    let page = &layout.pages[0];
    let footer_top = page
        .footer
        .iter()
        .map(|c| c.rect.y)
        .fold(f32::MAX, f32::min);
    let body = footer_top - 6.0 - page.table.y - layout.header_height;
    let band = layout
        .pages
        .iter()
        .flat_map(|p| &p.bands)
        .map(|b| b.height)
        .next()
        .unwrap_or(0.0);
    let heights: Vec<f32> = layout
        .pages
        .iter()
        .flat_map(|p| &p.rows)
        .map(|r| r.height)
        .collect();
    let nearest = |a: &[usize], b: &[usize]| {
        let mut best = (usize::MAX, 0, 0);
        for &x in a {
            for &y in b {
                if x.abs_diff(y) < best.0 {
                    best = (x.abs_diff(y), x, y);
                }
            }
        }
        (best.1, best.2)
    };
    let n = heights.len();
    let mut fewest = vec![usize::MAX; n + 1];
    fewest[0] = 0;
    for i in 0..n {
        if fewest[i] == usize::MAX {
            continue;
        }
        for j in i + 1..=n {
            let inside = |r: usize| (i..j).contains(&r);
            let mut out = vec![0; procedure.lanes().len()];
            let mut into = vec![0; procedure.lanes().len()];
            for f in procedure.flows() {
                let (a, b) = nearest(
                    &procedure.steps()[f.from].lanes,
                    &procedure.steps()[f.to].lanes,
                );
                if inside(f.from) && !inside(f.to) {
                    out[a] += 1;
                }
                if inside(f.to) && !inside(f.from) {
                    into[b] += 1;
                }
            }
            let band_rows = |counts: &[usize]| counts.iter().max().map_or(0, |c| c.div_ceil(3));
            let rows = band_rows(&out) + band_rows(&into);
            let need: f32 = heights[i..j].iter().sum::<f32>() + rows as f32 * band;
            if need > body + 0.01 && j > i + 1 {
                break;
            }
            fewest[j] = fewest[j].min(fewest[i] + 1);
        }
    }
    fewest[n]
}

#[test]
fn a_long_procedure_with_loops_across_pages() {
    let procedure = long_sop(90, 11);
    let config = Config::default();
    let l = layout(&procedure, &config).unwrap();
    assert_eq!(verify(&l), vec![]);
    let pages = l.pages.len();
    assert!(pages >= 5, "{pages}");
    let fewest = fewest_pages(&procedure, &l);
    assert!(pages <= fewest + 1, "{pages} pages, {fewest} possible");
    for page in &l.pages {
        assert!(page.header, "header repeated on page {}", page.number);
        assert_eq!(page.table.y, config.page.margins[0]);
        let footer: String = page
            .footer
            .iter()
            .flat_map(|c| &c.lines)
            .map(|t| t.text.as_ref())
            .collect::<Vec<_>>()
            .join(" ");
        // The identity sheet is page 1 of the document.
        assert_eq!(l.identity.len(), 1);
        assert!(
            footer.contains(&format!("Halaman {} dari {}", page.number + 1, pages + 1)),
            "{footer}"
        );
        assert!(footer.contains("800/SOP-11/2025"), "{footer}");
    }
    assert!(l.pages.last().unwrap().rows.len() > 1, "no orphan last row");
    let connectors: Vec<_> = l
        .pages
        .iter()
        .flat_map(|p| p.connectors.iter().map(move |c| (p.number, c)))
        .collect();
    assert!(!connectors.is_empty());
    let backward = connectors.iter().any(|(page, c)| {
        c.end == ConnectorEnd::Out
            && connectors
                .iter()
                .any(|(other, d)| d.label == c.label && d.end == ConnectorEnd::In && other < page)
    });
    assert!(
        backward,
        "a rework loop crosses back to an earlier page with its own pair"
    );
    let mut numbers: Vec<usize> = connectors
        .iter()
        .filter(|(_, c)| c.end == ConnectorEnd::Out)
        .map(|(_, c)| c.label.parse().unwrap())
        .collect();
    numbers.sort_unstable();
    assert_eq!(
        numbers,
        (1..=numbers.len()).collect::<Vec<_>>(),
        "numbered 1, 2, 3 ... across the document, each once"
    );
}

#[test]
fn generated_procedures_up_to_two_thousand_activities_paginate_soundly() {
    for (activities, seed) in [(2000, 1), (700, 3), (333, 4)] {
        let procedure = long_sop(activities, seed);
        let balanced = layout(&procedure, &Config::default()).unwrap();
        assert_eq!(verify(&balanced), vec![], "{activities} activities");
        if activities < 1000 {
            let mut config = Config::default();
            config.page.breaks = PageBreaks::FewestPages;
            let fewest = layout(&procedure, &config).unwrap();
            assert_eq!(verify(&fewest), vec![], "{activities} activities");
            let possible = fewest_pages(&procedure, &fewest);
            assert_eq!(fewest.pages.len(), possible, "{activities}: fewest pages");
            // A page more only where it spares at least two crossings.
            let (b, f) = (&balanced.metrics, &fewest.metrics);
            assert!(
                b.crossings + 2 * (b.pages - f.pages) <= f.crossings,
                "{activities}: {} crossings on {} pages, {} on {}",
                b.crossings,
                b.pages,
                f.crossings,
                f.pages
            );
        }
    }
}

#[test]
fn connectors_can_be_letters_or_blank() {
    let procedure = long_sop(40, 5);
    let mut config = Config::default();
    config.page.connector_labels = ConnectorLabels::Letters;
    let l = layout(&procedure, &config).unwrap();
    assert_eq!(verify(&l), vec![]);
    assert!(
        l.pages
            .iter()
            .flat_map(|p| &p.connectors)
            .all(|c| c.label.chars().all(|ch| ch.is_ascii_uppercase()))
    );
    config.page.connector_labels = ConnectorLabels::None;
    let l = layout(&procedure, &config).unwrap();
    assert!(
        l.pages
            .iter()
            .flat_map(|p| &p.connectors)
            .all(|c| c.label.is_empty())
    );
}

#[test]
fn every_paper_size_and_orientation() {
    let procedure = long_sop(30, 6);
    for (paper, landscape, width, height) in [
        (Paper::A4, true, 841.89, 595.28),
        (Paper::F4, true, 935.43, 609.45),
        (Paper::Letter, true, 792.0, 612.0),
        (Paper::Legal, true, 1008.0, 612.0),
        (Paper::A4, false, 595.28, 841.89),
        (
            Paper::Custom {
                width: 700.0,
                height: 500.0,
            },
            true,
            700.0,
            500.0,
        ),
    ] {
        let mut config = Config::default();
        config.page.paper = paper;
        config.page.landscape = landscape;
        let l = layout(&procedure, &config).unwrap();
        assert_eq!(verify(&l), vec![], "{paper:?}");
        for page in &l.pages {
            assert!(
                (page.size.width - width).abs() < 0.05 || page.size.width > width,
                "{paper:?} {:?}",
                page.size
            );
            assert!(
                (page.size.height - height).abs() < 0.05,
                "{paper:?} {:?}",
                page.size
            );
        }
    }
}

#[test]
fn the_header_can_be_printed_once() {
    let mut config = Config::default();
    config.page.repeat_header = false;
    let l = layout(&long_sop(40, 7), &config).unwrap();
    assert_eq!(verify(&l), vec![]);
    assert!(l.pages[0].header);
    assert!(l.pages[1..].iter().all(|p| !p.header));
}

/// A generated six-row SOP, changed by `edit`, laid out with the default
/// configuration and checked by `verify`.
fn six_rows_with(edit: impl FnOnce(&mut sopflow::Sop)) -> (Layout, Config) {
    let mut sop = generate(GenerateOptions::new(6, 3, 8));
    edit(&mut sop);
    let procedure = Procedure::from_sop(&sop).unwrap();
    let config = Config::default();
    let l = layout(&procedure, &config).unwrap();
    assert_eq!(verify(&l), vec![]);
    (l, config)
}

/// The layout's warning with `code`.
fn warned(l: &Layout, code: Code) -> &sopflow::Diagnostic {
    l.warnings
        .iter()
        .find(|w| w.code == code)
        .unwrap_or_else(|| panic!("a {code:?} warning"))
}

#[test]
fn a_row_taller_than_a_page_goes_on_on_the_next_pages_and_warns() {
    let (l, config) = six_rows_with(|sop| {
        sop.activities[2].notes = Some("Catatan panjang. ".repeat(1150));
    });
    let warning = warned(&l, Code::RowTallerThanPage);
    assert_eq!(warning.activity.as_ref().map(|a| a.number), Some(3));
    assert!(warning.message.contains("berlanjut"), "{}", warning.message);
    for page in &l.pages {
        assert_eq!(page.size, config.page.size(), "page {}", page.number);
    }
    // The row ends its page; pages of its text alone follow it.
    let first = l
        .pages
        .iter()
        .position(|p| p.rows.iter().any(|r| r.step == 2 && !r.continued))
        .unwrap();
    assert_eq!(l.pages[first].rows.last().unwrap().step, 2);
    let continued: Vec<&sopflow::layout::Page> = l.pages[first + 1..]
        .iter()
        .take_while(|p| p.rows.iter().all(|r| r.continued))
        .collect();
    assert!(
        continued.len() >= 2,
        "{} continuation pages",
        continued.len()
    );
    for page in &continued {
        assert!(page.header, "the header repeats on a continuation page");
        assert!(page.symbols.is_empty() && page.flows.is_empty());
    }
    // Every note line once, in order, over the pages.
    let notes: String = l
        .pages
        .iter()
        .flat_map(|p| &p.cells)
        .filter(|c| c.role == sopflow::layout::CellRole::Body(sopflow::layout::ColumnKind::Notes))
        .flat_map(|c| &c.lines)
        .filter(|line| line.text.contains("Catatan") || line.text.contains("panjang"))
        .map(|line| line.text.as_ref())
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        notes.matches("Catatan panjang.").count(),
        1150,
        "no text lost"
    );
    // The page numbers count the continuation pages.
    let n = l.pages.len() + 1;
    for (k, footer) in footers(&l).iter().enumerate() {
        assert!(
            footer.contains(&format!("Halaman {} dari {n}", k + 2)),
            "{footer}"
        );
    }
}

#[test]
fn many_actors_narrow_the_lanes_within_the_paper_and_too_many_are_refused() {
    let procedure = Procedure::from_sop(&generate(GenerateOptions::new(40, 12, 9))).unwrap();
    let config = Config::default();
    let l = layout(&procedure, &config).unwrap();
    assert_eq!(verify(&l), vec![]);
    let paper = config.page.size();
    for p in &l.pages {
        assert!(
            (p.size.width - paper.width).abs() < 0.01
                && (p.size.height - paper.height).abs() < 0.01,
            "{:?} on {paper:?}",
            p.size
        );
    }
    let lane = l
        .columns
        .iter()
        .find(|c| matches!(c.kind, sopflow::layout::ColumnKind::Lane(_)))
        .unwrap();
    assert!(
        lane.width < config.table.lane_min_width,
        "lanes narrowed: {}",
        lane.width
    );

    let crowded = Procedure::from_sop(&generate(GenerateOptions::new(60, 40, 9))).unwrap();
    let mut a4 = Config::default();
    a4.page.paper = Paper::A4;
    let Err(sopflow::Error::Invalid(diagnostics)) = layout(&crowded, &a4) else {
        panic!("40 performers on A4 are refused");
    };
    let refusal = &diagnostics.0[0];
    assert_eq!(refusal.code, Code::TableTooWide);
    assert_eq!(refusal.path, "/actors");
    assert!(
        refusal.message.contains("40 pelaksana"),
        "{}",
        refusal.message
    );
    assert!(
        refusal.message.contains("A4 lanskap"),
        "{}",
        refusal.message
    );
    assert!(refusal.message.contains("785 pt"), "{}", refusal.message);
}

#[test]
fn connectors_in_one_lane_sit_side_by_side_without_overlapping() {
    let mut side_by_side = 0;
    for seed in 20..30 {
        let procedure = Procedure::from_sop(&generate(GenerateOptions::new(176, 2, seed))).unwrap();
        let l = layout(&procedure, &Config::default()).unwrap();
        assert_eq!(verify(&l), vec![]);
        for page in &l.pages {
            for (i, a) in page.connectors.iter().enumerate() {
                let lane = l
                    .columns
                    .iter()
                    .find(|c| c.kind == sopflow::layout::ColumnKind::Lane(a.lane))
                    .unwrap();
                assert!(
                    a.rect.x >= lane.x && a.rect.right() <= lane.x + lane.width,
                    "inside its lane"
                );
                for b in &page.connectors[i + 1..] {
                    assert!(
                        !a.rect.overlaps(&b.rect),
                        "{} and {} overlap",
                        a.label,
                        b.label
                    );
                    if a.lane == b.lane && a.end == b.end && a.rect.y == b.rect.y {
                        side_by_side += 1;
                    }
                }
            }
        }
    }
    assert!(
        side_by_side > 0,
        "the sample has lanes with several connectors in one band row"
    );
}

fn footers(l: &Layout) -> Vec<String> {
    l.pages
        .iter()
        .map(|p| {
            p.footer
                .iter()
                .flat_map(|c| &c.lines)
                .map(|t| t.text.as_ref())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn page_numbers_count_the_identity_sheet_unless_told_otherwise() {
    let procedure = long_sop(60, 5);
    let mut config = Config::default();
    let whole = layout(&procedure, &config).unwrap();
    let n = whole.pages.len();
    assert!(n >= 2);
    assert!(footers(&whole)[0].contains(&format!("Halaman 2 dari {}", n + 1)));
    config.page.numbering = sopflow::config::PageNumbering::Flowchart;
    let flowchart = layout(&procedure, &config).unwrap();
    assert!(footers(&flowchart)[0].contains(&format!("Halaman 1 dari {n}")));
    config.identity_sheet = false;
    config.page.numbering = sopflow::config::PageNumbering::Document;
    let no_sheet = layout(&procedure, &config).unwrap();
    assert!(footers(&no_sheet)[0].contains(&format!("Halaman 1 dari {n}")));
}

#[test]
fn a_long_symbol_text_is_cut_with_an_ellipsis_and_warned() {
    let (l, config) = six_rows_with(|sop| {
        sop.activities[1].symbol_text = Some("Teks simbol yang sangat panjang ".repeat(400));
    });
    let warning = warned(&l, Code::SymbolTextCut);
    assert_eq!(warning.path, "/activities/1/symbol_text");
    assert_eq!(warning.activity.as_ref().map(|a| a.number), Some(2));
    let symbol = l
        .pages
        .iter()
        .flat_map(|p| &p.symbols)
        .find(|s| s.step == 1)
        .unwrap();
    assert_eq!(symbol.text.len(), 4);
    assert!(symbol.text[3].text.ends_with('…'), "{:?}", symbol.text[3]);
    for page in &l.pages {
        assert_eq!(page.size, config.page.size());
    }
}

#[test]
fn an_identity_sheet_with_long_lists_takes_two_pages_and_both_are_counted() {
    let mut sop = generate(GenerateOptions::new(30, 4, 2));
    let identity = sop.identity.as_mut().unwrap();
    identity.equipment = (1..=33).map(|i| format!("Peralatan nomor {i}")).collect();
    identity.legal_basis = (1..=25).map(|i| format!("Peraturan nomor {i}")).collect();
    let procedure = Procedure::from_sop(&sop).unwrap();
    let config = Config::default();
    let l = layout(&procedure, &config).unwrap();
    assert_eq!(l.identity.len(), 2, "the lists go on on a second page");
    for page in &l.identity {
        assert_eq!(page.size, config.page.size(), "never taller than the paper");
    }
    let total = l.pages.len() + 2;
    assert!(
        footers(&l)[0].contains(&format!("Halaman 3 dari {total}")),
        "{:?}",
        footers(&l)[0]
    );
    let svgs = sopflow::render::svg_pages(&l, &config.theme, &Default::default()).unwrap();
    assert_eq!(svgs.len(), total);
}

#[test]
fn the_signed_distribusi_persediaan_fits_two_letter_pages_at_seven_points() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/examples/bps-distribusi-persediaan.json");
    let sop = sopflow::parse_sop(&std::fs::read_to_string(path).unwrap()).unwrap();
    let procedure = Procedure::from_sop(&sop).unwrap();
    assert_eq!(procedure.steps().len(), 17);
    let mut config = Config::default();
    config.page.paper = Paper::Letter;
    config.theme.font_size = 7.0;
    config.theme.header_font_size = 7.0;
    let l = layout(&procedure, &config).unwrap();
    assert_eq!(verify(&l), vec![]);
    assert_eq!(l.pages.len(), 2, "17 rows on 2 Letter pages, as signed");
    config.theme = Default::default();
    let nine = layout(&procedure, &config).unwrap();
    assert_eq!(nine.pages.len(), 3, "at the 9 pt default");
}

/// A start, a fork `S` in lane 0 to `F1` (a chain of `fillers` in lane 1
/// that fills a page) and to `T1`..`T5` in lane 0 after it; then an end.
fn fork_over_a_page(fillers: usize) -> sopflow::SopBuilder {
    let mut b = sopflow::SopBuilder::new()
        .actor("l0", "Pelaksana Satu")
        .actor("l1", "Pelaksana Dua")
        .activity("mulai", "l0", |a| a.id("A").kind(sopflow::Kind::Start))
        .activity("membagi berkas", "l0", |a| {
            (1..=5).fold(a.id("S").next("F1"), |a, k| a.next(&format!("T{k}")))
        });
    b = chain(
        b,
        ("F", fillers),
        "l1",
        |k| format!("memeriksa bagian {k} dari berkas permohonan"),
        "T1",
    );
    b = chain(
        b,
        ("T", 5),
        "l0",
        |k| format!("menyelesaikan bagian {k}"),
        "E",
    );
    b.activity("selesai", "l0", |a| a.id("E").kind(sopflow::Kind::End))
}

#[test]
fn five_connectors_in_one_band_stand_in_number_order_four_points_apart() {
    let procedure = Procedure::from_sop(&fork_over_a_page(14).build()).unwrap();
    let l = layout(&procedure, &Config::default()).unwrap();
    assert_eq!(verify(&l), vec![]);
    let out: Vec<_> = l.pages[0]
        .connectors
        .iter()
        .filter(|c| c.end == ConnectorEnd::Out && &*c.from == "S")
        .collect();
    assert_eq!(out.len(), 5, "S's five arrows to the next page are cut");
    assert!(out.iter().all(|c| c.lane == 0), "in S's lane");
    // Three side by side in the first band row, two in the next.
    let mut rows: Vec<f32> = out.iter().map(|c| c.rect.y).collect();
    rows.sort_by(f32::total_cmp);
    rows.dedup();
    assert_eq!(rows.len(), 2);
    for y in rows {
        let mut row: Vec<_> = out.iter().filter(|c| c.rect.y == y).collect();
        row.sort_by(|a, b| a.rect.x.total_cmp(&b.rect.x));
        let numbers: Vec<u32> = row.iter().map(|c| c.label.parse().unwrap()).collect();
        assert!(numbers.windows(2).all(|p| p[0] < p[1]), "{numbers:?}");
        for p in row.windows(2) {
            assert!(p[1].rect.x - p[0].rect.right() >= 4.0 - 1e-3, "{numbers:?}");
        }
    }
}

#[test]
fn a_loop_back_to_an_earlier_page_leaves_from_its_lane_and_comes_in_above_its_target() {
    let mut sop = fork_over_a_page(14).build();
    // T5 becomes a decision whose "Tidak" goes back to S on the first page.
    let t5 = sop
        .activities
        .iter_mut()
        .find(|a| a.id.as_deref() == Some("T5"))
        .unwrap();
    t5.kind = Some(sopflow::Kind::Decision);
    t5.next = None;
    t5.yes = Some("E".into());
    t5.no = Some("S".into());
    let procedure = Procedure::from_sop(&sop).unwrap();
    let l = layout(&procedure, &Config::default()).unwrap();
    assert_eq!(verify(&l), vec![]);
    let is_loop = |c: &&sopflow::layout::Connector| &*c.from == "T5" && &*c.to == "S";
    let (out_page, out) = l
        .pages
        .iter()
        .find_map(|p| {
            p.connectors
                .iter()
                .find(|c| is_loop(c) && c.end == ConnectorEnd::Out)
                .map(|c| (p, c))
        })
        .unwrap();
    let (in_page, inc) = l
        .pages
        .iter()
        .find_map(|p| {
            p.connectors
                .iter()
                .find(|c| is_loop(c) && c.end == ConnectorEnd::In)
                .map(|c| (p, c))
        })
        .unwrap();
    assert!(
        in_page.number < out_page.number,
        "the target is on an earlier page"
    );
    assert_eq!(out.label, inc.label);
    let source = out_page.symbols.iter().find(|s| &*s.id == "T5").unwrap();
    let target = in_page.symbols.iter().find(|s| &*s.id == "S").unwrap();
    assert_eq!(
        out.lane, source.lane,
        "the outgoing connector stands in the source's lane"
    );
    assert!(out.rect.y > source.rect.bottom(), "below the source");
    assert_eq!(
        inc.lane, target.lane,
        "the incoming connector stands in the target's lane"
    );
    assert!(inc.rect.bottom() < target.rect.y, "above its target");
    // Its arrow comes down to S on its own: it shares no stretch of line
    // with A's arrow into S (it must not read like a second start).
    let arrow = |from: &str| {
        &in_page
            .flows
            .iter()
            .find(|f| &*f.from == from && &*f.to == "S")
            .unwrap()
            .points
    };
    let (back, first) = (arrow("T5"), arrow("A"));
    for a in back.windows(2) {
        for b in first.windows(2) {
            let collinear_overlap = if a[0].x == a[1].x && b[0].x == b[1].x && a[0].x == b[0].x {
                a[0].y.max(a[1].y).min(b[0].y.max(b[1].y))
                    - a[0].y.min(a[1].y).max(b[0].y.min(b[1].y))
            } else if a[0].y == a[1].y && b[0].y == b[1].y && a[0].y == b[0].y {
                a[0].x.max(a[1].x).min(b[0].x.max(b[1].x))
                    - a[0].x.min(a[1].x).max(b[0].x.min(b[1].x))
            } else {
                0.0
            };
            assert!(collinear_overlap <= 0.01, "{back:?} runs along {first:?}");
        }
    }
}

#[test]
fn connectors_at_a_pages_foot_read_in_number_order_across_lanes() {
    // B (second lane) and then C (first lane) each send an arrow to Z,
    // pages later. Numbered in flow order, B's connector would be 1 and
    // C's 2, and the band at the foot would read "2 1" from left to right.
    let mut b = sopflow::SopBuilder::new()
        .actor("l0", "Pelaksana Satu")
        .actor("l1", "Pelaksana Dua")
        .activity("mulai", "l0", |a| a.id("A").kind(sopflow::Kind::Start))
        .activity("memeriksa", "l1", |a| a.id("B").next("C").next("Z"))
        .activity("mencatat", "l0", |a| a.id("C").next("D1").next("Z"));
    b = chain(b, ("D", 30), "l0", |_| "mengerjakan".to_owned(), "Z");
    b = b.activity("selesai", "l1", |a| a.id("Z").kind(sopflow::Kind::End));
    let procedure = Procedure::from_sop(&b.build()).unwrap();
    let l = layout(&procedure, &Config::default()).unwrap();
    assert_eq!(verify(&l), vec![]);
    let mut foot: Vec<_> = l.pages[0]
        .connectors
        .iter()
        .filter(|c| c.end == ConnectorEnd::Out)
        .collect();
    assert!(
        foot.iter().any(|c| &*c.from == "B") && foot.iter().any(|c| &*c.from == "C"),
        "{foot:?}"
    );
    foot.sort_by(|a, b| a.rect.x.total_cmp(&b.rect.x));
    let numbers: Vec<u32> = foot.iter().map(|c| c.label.parse().unwrap()).collect();
    assert!(numbers.windows(2).all(|p| p[0] < p[1]), "{numbers:?}");

    // The checker reports a foot band out of order.
    let mut swapped = l.clone();
    let page = &mut swapped.pages[0];
    let (i, j) = {
        let out: Vec<usize> = (0..page.connectors.len())
            .filter(|&k| page.connectors[k].end == ConnectorEnd::Out)
            .collect();
        (out[0], out[1])
    };
    let label = page.connectors[i].label.clone();
    page.connectors[i].label = page.connectors[j].label.clone();
    page.connectors[j].label = label;
    assert!(
        verify(&swapped)
            .iter()
            .any(|v| v.invariant == 13 && v.message.contains("in one band")),
        "{:?}",
        verify(&swapped)
    );
}

#[test]
fn connectors_at_a_pages_head_read_in_number_order_in_each_band_row() {
    // B (first lane) sends an arrow to Z1 (second lane) pages later, and
    // C (second lane) one to Z0 (first lane). At the foot of B's page B's
    // connector stands left, so it has the smaller number; at the head of
    // Z's page it stands right. In one band row the head would read
    // "2 1"; it takes a second row instead.
    let mut b = sopflow::SopBuilder::new()
        .actor("l0", "Pelaksana Satu")
        .actor("l1", "Pelaksana Dua")
        .activity("mulai", "l0", |a| a.id("A").kind(sopflow::Kind::Start))
        .activity("memeriksa", "l0", |a| a.id("B").next("C").next("Z1"))
        .activity("mencatat", "l1", |a| a.id("C").next("D1").next("Z0"));
    b = chain(b, ("D", 30), "l0", |_| "mengerjakan".to_owned(), "Z0");
    b = b
        .activity("menyusun", "l0", |a| a.id("Z0").next("Z1"))
        .activity("menyetujui", "l1", |a| a.id("Z1").next("E"))
        .activity("selesai", "l1", |a| a.id("E").kind(sopflow::Kind::End));
    let procedure = Procedure::from_sop(&b.build()).unwrap();
    let l = layout(&procedure, &Config::default()).unwrap();
    assert_eq!(verify(&l), vec![]);
    let into_z = |c: &&sopflow::layout::Connector| {
        c.end == ConnectorEnd::In && [("B", "Z1"), ("C", "Z0")].contains(&(&*c.from, &*c.to))
    };
    let page = l
        .pages
        .iter()
        .find(|p| p.connectors.iter().filter(into_z).count() == 2)
        .expect("both arrows arrive on one page");
    let mut rows: Vec<Vec<&sopflow::layout::Connector>> = Vec::new();
    for c in page.connectors.iter().filter(|c| c.end == ConnectorEnd::In) {
        match rows
            .iter_mut()
            .find(|r| (r[0].rect.y - c.rect.y).abs() < 0.01)
        {
            Some(row) => row.push(c),
            None => rows.push(vec![c]),
        }
    }
    for row in &mut rows {
        row.sort_by(|a, b| a.rect.x.total_cmp(&b.rect.x));
        let numbers: Vec<u32> = row.iter().map(|c| c.label.parse().unwrap()).collect();
        assert!(numbers.windows(2).all(|p| p[0] < p[1]), "{numbers:?}");
    }
    let (b_row, c_row) = (
        rows.iter().position(|r| r.iter().any(|c| &*c.from == "B")),
        rows.iter().position(|r| r.iter().any(|c| &*c.from == "C")),
    );
    assert_ne!(b_row, c_row, "{rows:?}");
}

/// A decision D whose outcome "Tidak" leaves by a side vertex (so neither
/// side is free for an arrow in), reached from C in the next lane and from
/// a loop back off a later page: the connector's line must come straight
/// down into D's top, where C's arrow also ends.
fn loop_back_into_a_decision_entered_from_another_lane(fillers: usize) -> sopflow::Sop {
    let mut b = sopflow::SopBuilder::new()
        .actor("l0", "Pemohon")
        .actor("l1", "Petugas")
        .activity("mulai", "l0", |a| {
            a.id("A").kind(sopflow::Kind::Start).next("C")
        })
        .activity("mengisi formulir permohonan", "l0", |a| a.id("C").next("D"))
        .activity("berkas lengkap?", "l1", |a| {
            a.id("D").kind(sopflow::Kind::Decision).yes("F1").no("X")
        });
    b = chain(
        b,
        ("F", fillers),
        "l0",
        |k| format!("memeriksa bagian {k} dari berkas"),
        "G",
    );
    b.activity("perlu diperbaiki?", "l1", |a| {
        a.id("G").kind(sopflow::Kind::Decision).yes("D").no("E")
    })
    .activity("mengembalikan berkas", "l1", |a| a.id("X").next("E"))
    .activity("selesai", "l1", |a| a.id("E").kind(sopflow::Kind::End))
    .build()
}

#[test]
fn a_connectors_line_into_a_shared_top_joins_no_arrow_and_the_others_end_beside_it() {
    let sop = loop_back_into_a_decision_entered_from_another_lane(14);
    let procedure = Procedure::from_sop(&sop).unwrap();
    let l = layout(&procedure, &Config::default()).unwrap();
    assert_eq!(verify(&l), vec![]);
    assert_eq!(l.metrics.connector_merges, 0);
    let page = l
        .pages
        .iter()
        .find(|p| p.symbols.iter().any(|s| &*s.id == "D"))
        .unwrap();
    let d = page.symbols.iter().find(|s| &*s.id == "D").unwrap();
    let into_d = |from: &str| {
        &page
            .flows
            .iter()
            .find(|f| &*f.from == from && &*f.to == "D")
            .unwrap()
            .points
    };
    let (back, from_c) = (into_d("G"), into_d("C"));
    let centre = d.rect.x + d.rect.width / 2.0;
    // The loop's connector stands above D and its line drops straight into
    // D's top vertex.
    assert_eq!(back.len(), 2, "{back:?}");
    assert_eq!(back[1].x, centre);
    assert_eq!(back[1].y, d.rect.y);
    // C's arrow comes across from the left lane without a new corner and
    // ends on D's upper left edge, half way from its top to its left vertex.
    assert_eq!(from_c.len(), 3, "{from_c:?}");
    let end = from_c[2];
    assert!(
        (end.x - (centre - d.rect.width / 4.0)).abs() < 0.01,
        "{end:?}"
    );
    assert!(
        (end.y - (d.rect.y + d.rect.height / 4.0)).abs() < 0.01,
        "{end:?}"
    );
}

#[test]
fn with_breaks_for_the_fewest_pages_lanes_widen_for_labels_only_when_no_page_is_added() {
    // 300 activities, 9 performers: balanced breaks print 61 pages. Lanes
    // widened for side labels make rows taller; with them the fewest-pages
    // breaks print 60 pages, without them 57.
    let procedure = Procedure::from_sop(&generate(GenerateOptions::new(300, 9, 4))).unwrap();
    let balanced = layout(&procedure, &Config::default()).unwrap();
    let mut config = Config::default();
    config.page.breaks = PageBreaks::FewestPages;
    let fewest = layout(&procedure, &config).unwrap();
    assert_eq!(verify(&fewest), vec![]);
    assert!(
        fewest.pages.len() + 4 <= balanced.pages.len(),
        "{} pages against {}",
        fewest.pages.len(),
        balanced.pages.len()
    );
    // Where they add no page, they are kept: the signed SOP's "Belum
    // lengkap" keeps its side exit and crosses nothing.
    let signed = common::load(std::path::Path::new(&common::example(
        "bps-rekomendasi-statistik.json",
    )));
    let l = layout(&signed, &config).unwrap();
    assert_eq!((l.metrics.crossings, l.pages.len()), (0, 2));
}

#[test]
fn connectors_of_a_first_head_row_go_round_those_of_a_second() {
    // Found by the layout fuzzer: four arrows from other pages arrive at
    // one step, two to a band row in its lane. The first row's lines
    // dropped beside the axis through the second row's connectors.
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz-stacked-head-bands.json");
    let procedure = common::load(&file);
    let mut config = Config::default();
    config.page.paper = Paper::Legal;
    config.page.landscape = true;
    let l = layout(&procedure, &config).unwrap();
    assert_eq!(verify(&l), vec![]);
    let stacked = l.pages.iter().any(|p| {
        let into_lane = |y: f32| {
            p.connectors
                .iter()
                .filter(|c| c.end == ConnectorEnd::In && c.lane == 5 && (c.rect.y - y).abs() < 0.01)
                .count()
        };
        let mut ys: Vec<f32> = p.connectors.iter().map(|c| c.rect.y).collect();
        ys.dedup_by(|a, b| (*a - *b).abs() < 0.01);
        ys.iter().filter(|&&y| into_lane(y) == 2).count() >= 2
    });
    assert!(
        stacked,
        "the fixture still stacks two head rows in one lane"
    );
}

/// Appends `count` activities `{prefix}1` to `{prefix}{count}` in `lane`,
/// each going on to the next and the last to `then`.
fn chain(
    mut b: sopflow::SopBuilder,
    (prefix, count): (&str, usize),
    lane: &str,
    text: impl Fn(usize) -> String,
    then: &str,
) -> sopflow::SopBuilder {
    for k in 1..=count {
        let next = if k == count {
            then.to_owned()
        } else {
            format!("{prefix}{}", k + 1)
        };
        b = b.activity(&text(k), lane, |a| {
            a.id(&format!("{prefix}{k}")).next(&next)
        });
    }
    b
}
