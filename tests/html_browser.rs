//! The interactive HTML export in a real browser (Debian's headless
//! Chromium, driven over the DevTools protocol): it loads with no console
//! error and no request, a click (or Enter) on a step lights exactly its
//! flows, the path view spans pages, the performer filter and search list
//! what they should, the keyboard reaches every step, hostile text stays
//! text, and Chromium draws the SVG as resvg does. Screenshots go to
//! `target/browser/` for a person to look at.
#![cfg(all(feature = "html", feature = "png"))]

#[path = "common/browser.rs"]
mod browser;
mod common;

use browser::Browser;
use serde_json::{Value, json};
use sopflow::Procedure;
use sopflow::config::{Config, Words};
use sopflow::layout::layout;
use sopflow::render::{Extras, ImagePolicy};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::PathBuf;

fn out_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/browser");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes the HTML of `procedure` and returns its file URL.
fn write_html(procedure: &Procedure, config: &Config, name: &str) -> (String, usize) {
    let laid_out = layout(procedure, config).unwrap();
    let html = sopflow::render::html(
        procedure,
        &laid_out,
        config,
        &ImagePolicy::default(),
        Extras::default(),
    )
    .unwrap();
    let path = out_dir().join(format!("{name}.html"));
    std::fs::write(&path, &html).unwrap();
    (format!("file://{}", path.display()), html.len())
}

fn shared(name: &str) -> Procedure {
    common::load(std::path::Path::new(&common::example(name)))
}

fn generated(activities: usize, actors: usize) -> Procedure {
    let sop = sopflow::generate::generate(sopflow::generate::GenerateOptions::new(
        activities, actors, 7,
    ));
    Procedure::from_sop(&sop).unwrap()
}

const READY: &str = "document.body.dataset.ready === 'true'";

/// Opens `url` and checks that it loaded cleanly.
fn open(browser: &mut Browser, url: &str) {
    browser.open(url, READY);
    assert_eq!(browser.errors(), Vec::<String>::new(), "console errors");
    assert_eq!(browser.requests(url), Vec::<String>::new(), "requests");
}

/// The `(from, to)` pairs of the lit flow groups and off-page connectors.
fn lit_flows(browser: &mut Browser) -> BTreeSet<(String, String)> {
    pairs(browser.eval(
        "Array.from(document.querySelectorAll('.sop-flow-group.sop-lit, .sop-offpage.sop-lit'))\
         .map(g => [g.dataset.from, g.dataset.to])",
    ))
}

fn pairs(value: Value) -> BTreeSet<(String, String)> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_str().unwrap().into(), p[1].as_str().unwrap().into()))
        .collect()
}

fn id_of(procedure: &Procedure, i: usize) -> String {
    procedure.steps()[i].id.to_string()
}

/// The first symbol of a step (a joint step's group also spans the gap
/// between its symbols).
fn selector(id: &str) -> String {
    format!("g.sop-activity[data-id={}] .sop-symbol", json!(id))
}

/// Every flow of the procedure as a pair of ids.
fn flow_pairs(procedure: &Procedure) -> Vec<(String, String)> {
    procedure
        .flows()
        .iter()
        .map(|f| (id_of(procedure, f.from), id_of(procedure, f.to)))
        .collect()
}

/// Clicks each step (every `stride`-th) in the drawing and checks that
/// exactly its flows light up, every piece of them, and that the panel
/// shows it.
fn click_steps(browser: &mut Browser, procedure: &Procedure, stride: usize) {
    let all = flow_pairs(procedure);
    for (i, step) in procedure.steps().iter().enumerate().step_by(stride) {
        let id = step.id.to_string();
        browser.click(&selector(&id));
        let expected: BTreeSet<(String, String)> = all
            .iter()
            .filter(|(a, b)| *a == id || *b == id)
            .cloned()
            .collect();
        assert_eq!(lit_flows(browser), expected, "flows lit by step {}", i + 1);
        let unlit = browser.eval(&format!(
            "Array.from(document.querySelectorAll('.sop-flow-group, .sop-offpage'))\
             .filter(g => (g.dataset.from === {0} || g.dataset.to === {0}) && !g.classList.contains('sop-lit')).length",
            json!(id)
        ));
        assert_eq!(
            unlit,
            json!(0),
            "a piece of a flow of step {} stays dark",
            i + 1
        );
        let shown = browser.eval("document.getElementById('sop-detail').textContent");
        assert!(
            shown
                .as_str()
                .unwrap()
                .contains(step.text.split_whitespace().next().unwrap_or("")),
            "the panel shows step {}",
            i + 1
        );
        assert_eq!(
            browser.eval("document.querySelector('#sop-steps li.sop-chosen').dataset.id"),
            json!(id)
        );
    }
}

/// The flows on the paths from a start to `step` and from it to an end,
/// worked out here independently of the page's script.
fn path_flows(procedure: &Procedure, step: usize) -> BTreeSet<(String, String)> {
    let n = procedure.steps().len();
    let mut next = vec![Vec::new(); n];
    let mut prev = vec![Vec::new(); n];
    for f in procedure.flows() {
        next[f.from].push(f.to);
        prev[f.to].push(f.from);
    }
    let reach = |from: Vec<usize>, edges: &Vec<Vec<usize>>| {
        let mut seen: HashSet<usize> = from.iter().copied().collect();
        let mut stack = from;
        while let Some(v) = stack.pop() {
            for &w in &edges[v] {
                if seen.insert(w) {
                    stack.push(w);
                }
            }
        }
        seen
    };
    let from_start = reach(procedure.starts(), &next);
    let to_step = reach(vec![step], &prev);
    let from_step = reach(vec![step], &next);
    let to_end = reach(procedure.ends(), &prev);
    procedure
        .flows()
        .iter()
        .filter(|f| {
            (from_start.contains(&f.from) && to_step.contains(&f.to))
                || (from_step.contains(&f.from) && to_end.contains(&f.to))
        })
        .map(|f| (id_of(procedure, f.from), id_of(procedure, f.to)))
        .collect()
}

/// Turns the path view on, chooses the last step before the end, and
/// checks the lit flows against [`path_flows`] and that they span pages.
fn path_view(browser: &mut Browser, procedure: &Procedure) -> usize {
    browser.click("#sop-path");
    let step = procedure.steps().len().saturating_sub(2);
    browser.click(&selector(&id_of(procedure, step)));
    assert_eq!(lit_flows(browser), path_flows(procedure, step));
    let sheets = browser.eval(
        "new Set(Array.from(document.querySelectorAll('.sop-flow-group.sop-lit'))\
         .map(g => g.closest('section').dataset.sheet)).size",
    );
    let sheets = sheets.as_u64().unwrap() as usize;
    browser.click("#sop-path");
    sheets
}

fn visible_list(browser: &mut Browser) -> Vec<String> {
    browser
        .eval(
            "Array.from(document.querySelectorAll('#sop-steps li')).filter(li => !li.hidden)\
             .map(li => li.dataset.id)",
        )
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

/// Chooses each performer in turn: the list holds exactly its steps, in
/// order, and they are marked in the drawing.
fn performer_filter(browser: &mut Browser, procedure: &Procedure) {
    for (lane, actor) in procedure.lanes().iter().enumerate() {
        browser.eval(&format!(
            "(() => {{ const s = document.getElementById('sop-actor'); s.value = {}; \
             s.dispatchEvent(new Event('change')); return true; }})()",
            json!(actor.id)
        ));
        let expected: Vec<String> = procedure
            .steps()
            .iter()
            .filter(|s| s.lanes.contains(&lane))
            .map(|s| s.id.to_string())
            .collect();
        assert_eq!(visible_list(browser), expected, "steps of {}", actor.name);
        let marked = browser.eval(
            "new Set(Array.from(document.querySelectorAll('.sop-activity.sop-match')).map(g => g.dataset.id)).size",
        );
        assert_eq!(marked, json!(expected.len()));
    }
    browser.click("#sop-clear");
    assert_eq!(visible_list(browser).len(), procedure.steps().len());
}

/// Types a word of the last step into the search field: the list holds
/// the steps whose texts contain it.
fn search(browser: &mut Browser, procedure: &Procedure) {
    let last = &procedure.steps()[procedure.steps().len() / 2];
    let word = last
        .text
        .split_whitespace()
        .max_by_key(|w| w.chars().count())
        .unwrap()
        .to_lowercase();
    browser.click("#sop-search");
    browser.type_text(&word);
    let expected: Vec<String> = procedure
        .steps()
        .iter()
        .filter(|s| {
            let mut all = vec![s.text.clone()];
            all.extend(s.output.clone());
            all.extend(s.notes.clone());
            all.extend(s.time.clone());
            all.extend(s.requirements.iter().cloned());
            all.join("\n").to_lowercase().contains(&word)
        })
        .map(|s| s.id.to_string())
        .collect();
    assert!(expected.contains(&last.id.to_string()));
    assert_eq!(visible_list(browser), expected, "search for {word}");
    browser.click("#sop-clear");
}

fn save_screenshot(browser: &mut Browser, name: &str) {
    let png = browser.screenshot(None);
    std::fs::write(out_dir().join(format!("{name}.png")), png).unwrap();
}

#[test]
fn the_shared_examples_work_in_chromium() {
    let Some(mut browser) = Browser::launch(1500, 1000) else {
        return;
    };
    for name in [
        "bps-distribusi-persediaan",
        "bps-layanan-perpustakaan",
        "bps-rekomendasi-statistik",
    ] {
        let procedure = shared(&format!("{name}.json"));
        let (url, _) = write_html(&procedure, &Config::default(), name);
        open(&mut browser, &url);
        click_steps(&mut browser, &procedure, 1);
        let sheets = path_view(&mut browser, &procedure);
        let pages = layout(&procedure, &Config::default()).unwrap().pages.len();
        assert!(
            sheets >= pages.min(2),
            "{name}: the path view stays on one of {pages} pages"
        );
        performer_filter(&mut browser, &procedure);
        search(&mut browser, &procedure);
        // A step chosen with the path view on, for a person to look at.
        browser.click("#sop-path");
        browser.click(&selector(&id_of(&procedure, procedure.steps().len() / 2)));
        save_screenshot(&mut browser, name);
        browser.click("#sop-path");
        assert_eq!(browser.errors(), Vec::<String>::new(), "{name}");
        assert_eq!(browser.requests(&url), Vec::<String>::new(), "{name}");
    }
}

#[test]
fn a_generated_300_step_sop_works_by_mouse_and_keyboard() {
    let Some(mut browser) = Browser::launch(1500, 1000) else {
        return;
    };
    let procedure = generated(300, 8);
    let (url, _) = write_html(&procedure, &Config::default(), "generated-300");
    open(&mut browser, &url);
    click_steps(&mut browser, &procedure, 7);
    assert!(path_view(&mut browser, &procedure) >= 2);
    performer_filter(&mut browser, &procedure);
    search(&mut browser, &procedure);
    // Tab reaches every step, in the list and in the drawing.
    browser.eval("document.activeElement.blur(); window.scrollTo(0, 0); true");
    let mut in_list = BTreeSet::new();
    let mut in_drawing = BTreeSet::new();
    let tabs = 2 * procedure.steps().len() + 10;
    for _ in 0..tabs {
        browser.press("Tab");
        let focused = browser.eval(
            "(() => { const e = document.activeElement; if (!e || !e.dataset || !e.dataset.id) return null; \
             return [e.closest('svg') ? 'drawing' : 'list', e.dataset.id]; })()",
        );
        if let Some([place, id]) = focused.as_array().map(|a| [a[0].clone(), a[1].clone()]) {
            let id = id.as_str().unwrap().to_owned();
            if place == "drawing" {
                in_drawing.insert(id);
            } else {
                in_list.insert(id);
            }
        }
    }
    let every: BTreeSet<String> = procedure.steps().iter().map(|s| s.id.to_string()).collect();
    assert_eq!(
        in_list, every,
        "the keyboard reaches every step of the list"
    );
    assert_eq!(
        in_drawing, every,
        "the keyboard reaches every step of the drawing"
    );
    // Enter on the focused step of the drawing chooses it.
    let focused = browser.eval("document.activeElement.dataset.id");
    browser.press("Enter");
    assert_eq!(
        browser.eval("document.querySelector('#sop-steps li.sop-chosen').dataset.id"),
        focused
    );
    save_screenshot(&mut browser, "generated-300");
    assert_eq!(browser.errors(), Vec::<String>::new());
    assert_eq!(browser.requests(&url), Vec::<String>::new());
}

#[test]
fn a_1000_step_sop_opens_quickly_and_stays_small() {
    let Some(mut browser) = Browser::launch(1500, 1000) else {
        return;
    };
    let procedure = generated(1000, 8);
    let (url, size) = write_html(&procedure, &Config::default(), "generated-1000");
    assert!(size < 4_000_000, "the HTML of 1,000 steps is {size} bytes");
    let started = std::time::Instant::now();
    open(&mut browser, &url);
    let ready = started.elapsed();
    let timing = browser.eval(
        "(() => { const n = performance.getEntriesByType('navigation')[0]; \
         return [performance.getEntriesByName('sopflow-ready')[0].startTime, n.loadEventEnd]; })()",
    );
    eprintln!(
        "1,000 steps: {size} bytes; interactive {} ms after navigation as the page measures it \
         (its ready mark; load event end {} ms), {} ms as this test waits for it",
        timing[0],
        timing[1],
        ready.as_millis()
    );
    browser.click(&selector(&id_of(&procedure, 500)));
    assert!(!lit_flows(&mut browser).is_empty());
}

#[test]
fn hostile_text_executes_nothing() {
    let Some(mut browser) = Browser::launch(1200, 900) else {
        return;
    };
    let attack =
        "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">\"'&</script>";
    let sop = sopflow::parse_sop(
        &json!({
            "identity": {"name": attack, "number": attack, "unit": attack},
            "actors": [{"id": "a", "name": attack}, {"id": "b</script>", "name": attack}],
            "activities": [
                {"id": "s<b>", "text": attack, "actor": "a", "kind": "start", "time": attack,
                 "output": attack, "requirements": [attack], "notes": attack, "symbol_text": attack},
                {"text": attack, "actor": "b</script>", "kind": "end"}
            ]
        })
        .to_string(),
    )
    .unwrap();
    let procedure = Procedure::from_sop(&sop).unwrap();
    let (url, _) = write_html(&procedure, &Config::default(), "hostile");
    open(&mut browser, &url);
    browser.click(&selector("s<b>"));
    browser.click("#sop-search");
    browser.type_text("script");
    assert_eq!(browser.eval("window.pwned === undefined"), json!(true));
    assert_eq!(browser.eval("document.images.length"), json!(0));
    assert_eq!(browser.eval("document.scripts.length"), json!(2));
    assert!(
        browser
            .eval("document.getElementById('sop-detail').textContent")
            .as_str()
            .unwrap()
            .contains("<script>window.pwned=1</script>")
    );
    assert_eq!(browser.errors(), Vec::<String>::new());
}

#[test]
fn english_words_come_from_the_english_label_set() {
    let Some(mut browser) = Browser::launch(1200, 900) else {
        return;
    };
    let procedure = shared("bps-layanan-perpustakaan.json");
    let config = Config {
        words: Words::english(),
        ..Config::default()
    };
    let (url, _) = write_html(&procedure, &config, "english");
    open(&mut browser, &url);
    browser.click(&selector(&id_of(&procedure, 1)));
    let panel = browser.eval("document.querySelector('.sop-panel').innerText");
    let panel = panel.as_str().unwrap();
    for word in [
        "Steps",
        "Service time",
        "Performers",
        "Activity",
        "Time of the paths",
    ] {
        assert!(panel.contains(word), "{word} missing from {panel}");
    }
    assert_eq!(browser.eval("document.documentElement.lang"), json!("en"));
}

/// Chromium and resvg draw the same SVG page alike: every dark pixel of
/// one has a dark pixel of the other within two pixels (at 96 dpi).
#[test]
fn chromium_draws_the_svg_as_resvg_does() {
    let Some(mut browser) = Browser::launch(1400, 1000) else {
        return;
    };
    let procedure = shared("bps-distribusi-persediaan.json");
    let config = Config::default();
    let (url, _) = write_html(&procedure, &config, "raster");
    open(&mut browser, &url);
    let laid_out = layout(&procedure, &config).unwrap();
    let pngs = sopflow::render::png_pages(&laid_out, &config.theme, &ImagePolicy::default(), 96.0)
        .unwrap();
    // The drawing alone, without the panel beside it.
    browser.eval(
        "document.querySelector('.sop-panel').style.display = 'none'; \
         document.querySelector('.sop-document').style.position = 'static'; true",
    );
    let mut report = BTreeMap::new();
    for page in [1usize, 2] {
        let resvg = resvg::tiny_skia::Pixmap::decode_png(&pngs[page]).unwrap();
        let rect = browser.eval(&format!(
            "(() => {{ const s = document.querySelector('section[data-sheet=\"{}\"] > svg'); \
             s.scrollIntoView(); const r = s.getBoundingClientRect(); \
             return [r.x + window.scrollX, r.y + window.scrollY]; }})()",
            page + 1
        ));
        let (x, y) = (rect[0].as_f64().unwrap(), rect[1].as_f64().unwrap());
        let shot = browser.screenshot(Some([
            x,
            y,
            f64::from(resvg.width()),
            f64::from(resvg.height()),
        ]));
        std::fs::write(
            out_dir().join(format!("raster-chromium-{}.png", page + 1)),
            &shot,
        )
        .unwrap();
        std::fs::write(
            out_dir().join(format!("raster-resvg-{}.png", page + 1)),
            &pngs[page],
        )
        .unwrap();
        let chromium = resvg::tiny_skia::Pixmap::decode_png(&shot).unwrap();
        assert_eq!(
            (chromium.width(), chromium.height()),
            (resvg.width(), resvg.height())
        );
        let a = dark(&chromium);
        let b = dark(&resvg);
        let (ab, ba) = (
            matched(&a, &b, chromium.width()),
            matched(&b, &a, resvg.width()),
        );
        report.insert(page + 1, (ab, ba));
        assert!(
            ab > 0.985 && ba > 0.985,
            "page {}: {ab:.4} of Chromium's dark pixels and {ba:.4} of resvg's have a counterpart",
            page + 1
        );
    }
    eprintln!(
        "dark pixels with a counterpart within 2 px (Chromium→resvg, resvg→Chromium): {report:?}"
    );
}

/// Which pixels are dark (ink, not paper or anti-aliased fringe).
fn dark(image: &resvg::tiny_skia::Pixmap) -> Vec<bool> {
    image
        .pixels()
        .iter()
        .map(|p| {
            let c = p.demultiply();
            u32::from(c.red()) + u32::from(c.green()) + u32::from(c.blue()) < 3 * 110
        })
        .collect()
}

/// The share of `a`'s dark pixels that have a dark pixel of `b` within
/// two pixels.
fn matched(a: &[bool], b: &[bool], width: u32) -> f64 {
    let width = width as i64;
    let height = a.len() as i64 / width;
    let (mut total, mut found) = (0usize, 0usize);
    for (i, _) in a.iter().enumerate().filter(|(_, d)| **d) {
        total += 1;
        let (x, y) = (i as i64 % width, i as i64 / width);
        let near = (-2..=2).any(|dy| {
            (-2..=2).any(|dx| {
                let (nx, ny) = (x + dx, y + dy);
                nx >= 0 && ny >= 0 && nx < width && ny < height && b[(ny * width + nx) as usize]
            })
        });
        found += usize::from(near);
    }
    if total == 0 {
        1.0
    } else {
        found as f64 / total as f64
    }
}

/// Printing the page prints the PDF's pages: one sheet per page, the
/// paper's size, the panel left out.
#[test]
fn printing_gives_the_pdfs_pages() {
    let Some(mut browser) = Browser::launch(1400, 900) else {
        return;
    };
    let procedure = shared("bps-distribusi-persediaan.json");
    let config = Config::default();
    let (url, _) = write_html(&procedure, &config, "print");
    open(&mut browser, &url);
    let printed = browser.call(
        "Page.printToPDF",
        json!({"preferCSSPageSize": true, "printBackground": true}),
    );
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(printed["data"].as_str().unwrap())
        .unwrap();
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let laid_out = layout(&procedure, &config).unwrap();
    let pages = pdf.get_pages();
    assert_eq!(pages.len(), laid_out.identity.len() + laid_out.pages.len());
    let paper = config.page.size();
    for (_, id) in pages {
        let media = pdf
            .get_dictionary(id)
            .unwrap()
            .get(b"MediaBox")
            .unwrap()
            .as_array()
            .unwrap();
        let number = |o: &lopdf::Object| {
            o.as_float()
                .map(f64::from)
                .or_else(|_| o.as_i64().map(|i| i as f64))
                .unwrap()
        };
        let (w, h) = (
            number(&media[2]) - number(&media[0]),
            number(&media[3]) - number(&media[1]),
        );
        assert!(
            (w - f64::from(paper.width)).abs() < 1.5 && (h - f64::from(paper.height)).abs() < 1.5,
            "{w} x {h}"
        );
    }
    let text = pdf.extract_text(&[2]).unwrap();
    assert!(text.contains("Kegiatan"), "{text}");
    assert!(!text.contains("Daftar kegiatan"), "the panel was printed");
}
