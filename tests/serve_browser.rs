//! The drafting page of `sopflow serve` in headless Chromium: a drafter
//! chooses a file and sees its drawing (the interactive page, working
//! inside the page's sandboxed frame) and its problems, each with its
//! row; a workbook works the same; the words follow the language.
#![cfg(all(feature = "server", feature = "cli"))]

#[path = "common/browser.rs"]
mod browser;
mod common;
#[path = "common/server.rs"]
mod server;

use browser::Browser;
use common::{example, sopflow, temp};
use serde_json::{Value, json};
use server::Server;
use std::path::PathBuf;

const READY: &str = "document.body.dataset.ready === 'true'";

fn shot(browser: &mut Browser, name: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/browser");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), browser.screenshot(None)).unwrap();
}

#[test]
fn a_drafter_drops_a_file_and_sees_its_drawing_and_problems() {
    let Some(mut browser) = Browser::launch(1500, 950) else {
        return;
    };
    let server = Server::start(&[]);
    let page = format!("{}/", server.url);
    browser.open(&page, READY);
    assert_eq!(browser.errors(), Vec::<String>::new());

    // A shared example: accepted, drawn, nothing to fix.
    let file = PathBuf::from(example("bps-rekomendasi-statistik.json"))
        .canonicalize()
        .unwrap();
    browser.choose_file("#file", &file);
    browser.wait_until("document.getElementById('drawing').srcdoc.includes('sop-flow-group')");
    let status = browser.eval("document.getElementById('status').textContent");
    assert!(
        status.as_str().unwrap().starts_with("Diterima: 8 kegiatan"),
        "{status}"
    );
    assert_eq!(
        browser.eval("document.getElementById('downloads').hidden"),
        json!(false)
    );
    // The drawing's own script runs inside the frame: click a step there.
    browser.wait_until(
        "(() => { const d = document.getElementById('drawing').contentDocument; \
         return !!d && !!d.body && d.body.dataset.ready === 'true'; })()",
    );
    let lit = browser.eval(
        "(() => { const d = document.getElementById('drawing').contentDocument; \
         d.querySelector('#sop-steps button[data-id=\"2\"]').click(); \
         return d.querySelectorAll('.sop-flow-group.sop-lit').length; })()",
    );
    assert!(lit.as_u64().unwrap() >= 2, "{lit}");
    shot(&mut browser, "serve-page");

    // A refused document: each problem with its row.
    let dir = temp("serve-page");
    let mut doc: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    doc["activities"][1]["next"] = json!("99");
    doc["activities"][3]["time"] = json!("");
    let broken = dir.join("rusak.json");
    std::fs::write(&broken, doc.to_string()).unwrap();
    browser.choose_file("#file", &broken);
    browser.wait_until("document.querySelectorAll('#problems li').length > 0");
    let problems = browser.eval(
        "Array.from(document.querySelectorAll('#problems li')).map(li => [li.className, li.textContent])",
    );
    let problems = problems.as_array().unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p[0] == "error" && p[1].as_str().unwrap().contains("kegiatan 2")),
        "{problems:?}"
    );
    let status = browser.eval("document.getElementById('status').textContent");
    assert!(status.as_str().unwrap().starts_with("Ditolak"), "{status}");
    assert_eq!(
        browser.eval("document.getElementById('downloads').hidden"),
        json!(true)
    );
    shot(&mut browser, "serve-page-problems");

    // A workbook, in English.
    let xlsx = dir.join("sop.xlsx");
    assert!(
        sopflow(
            &[
                "convert",
                file.to_str().unwrap(),
                "-o",
                xlsx.to_str().unwrap()
            ],
            &dir
        )
        .status
        .success()
    );
    browser.eval(
        "(() => { const s = document.getElementById('lang'); s.value = 'en'; \
         s.dispatchEvent(new Event('change')); return true; })()",
    );
    browser.choose_file("#file", &xlsx);
    browser.wait_until(
        "document.getElementById('status').textContent.startsWith('Accepted') && \
         document.getElementById('drawing').srcdoc.includes('Activity')",
    );
    // Nothing failed but the refused document's answers (Chromium logs
    // every 4xx as an error).
    let errors: Vec<String> = browser
        .errors()
        .into_iter()
        .filter(|e| !e.contains("responded with a status of 422"))
        .collect();
    assert_eq!(errors, Vec::<String>::new());
}
