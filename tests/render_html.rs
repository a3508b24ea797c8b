//! The self-contained HTML export: the same SVG pages inline, no request
//! of any kind, hostile text kept as text, appended pages included.
#![cfg(all(feature = "cli", feature = "html"))]

mod common;
use common::{example, sopflow, temp};

/// Every `src`/`href`/`url(` target of the page that is not a `data:` URI.
fn external_references(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for marker in ["src=\"", "href=\"", "url(", "@import"] {
        let mut at = 0;
        while let Some(i) = html[at..].find(marker) {
            let start = at + i + marker.len();
            let rest = &html[start..];
            if !rest.starts_with("data:") {
                found.push(rest.chars().take(40).collect());
            }
            at = start;
        }
    }
    found
}

/// The page runs its own script only: the policy allows that script by
/// its hash and nothing else, and the JSON island holds no markup.
fn assert_only_its_own_script(html: &str) {
    use base64::Engine;
    use sha2::Digest;
    assert_eq!(html.matches("<script").count(), 2);
    let island_start = html
        .find("<script type=\"application/json\" id=\"sop-data\">")
        .unwrap();
    let island = &html[island_start..];
    let island = &island[island.find('>').unwrap() + 1..island.find("</script>").unwrap()];
    assert!(!island.contains('<') && !island.contains('>'));
    serde_json::from_str::<serde_json::Value>(island).unwrap();
    let script = &html[html.rfind("<script>").unwrap() + 8..html.rfind("</script>").unwrap()];
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script));
    let policy = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; \
         font-src data:; style-src 'unsafe-inline'; script-src 'sha256-{hash}'; base-uri 'none'; \
         form-action 'none'\">"
    );
    assert!(
        html.contains(&policy),
        "no policy allowing exactly the script"
    );
}

#[test]
fn the_html_holds_every_svg_page_inline_and_asks_for_nothing() {
    let dir = temp("pages");
    let file = example("bps-rekomendasi-statistik.json");
    assert!(
        sopflow(&["render", &file, "-o", "doc.svg"], &dir)
            .status
            .success()
    );
    let out = sopflow(&["render", &file, "-o", "doc.html", "--analysis"], &dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(dir.join("doc.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(external_references(&html), Vec::<String>::new());
    assert_eq!(html.matches("@font-face").count(), 2);
    assert_only_its_own_script(&html);
    // The same SVG as the SVG export, page by page, then the analysis.
    let svg_pages: Vec<String> = (1..)
        .map(|i| dir.join(format!("doc-{i}.svg")))
        .take_while(|p| p.exists())
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    assert_eq!(
        html.matches("<section class=\"sop-sheet\"").count(),
        svg_pages.len() + 1
    );
    for page in &svg_pages {
        assert!(
            html.contains(page.trim_end()),
            "an SVG page differs in the HTML"
        );
    }
    let last = html.rfind("<section").unwrap();
    assert!(html[last..].contains("Analisis Waktu Layanan"));
    assert!(html.contains("lang=\"id\""));
}

#[test]
fn hostile_text_stays_text() {
    let dir = temp("hostile");
    let attack = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";
    let doc = serde_json::json!({
        "identity": {"name": attack, "number": attack, "unit": attack},
        "actors": [{"id": "a", "name": attack}],
        "activities": [
            {"text": attack, "actor": "a", "kind": "start", "time": attack, "output": attack,
             "requirements": [attack], "notes": attack},
            {"text": attack, "actor": "a", "kind": "end"}
        ]
    });
    std::fs::write(dir.join("hostile.json"), doc.to_string()).unwrap();
    let out = sopflow(&["render", "hostile.json", "-o", "hostile.html"], &dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(dir.join("hostile.html")).unwrap();
    assert_only_its_own_script(&html);
    assert!(!html.contains("<img src=x"), "an element got through");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
    assert_eq!(external_references(&html), Vec::<String>::new());
}
