//! An arbitrary (structure-aware) SOP → layout → verify → SVG → the
//! interactive HTML (its JSON island, the times through each step).
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use sopflow::config::{Config, Paper};
use sopflow::model::{Activity, Actor, Branch, Kind, LabelledBranch, Next, Sop};
use sopflow::{layout, render, Procedure};

#[derive(Arbitrary, Debug)]
struct Doc {
    actors: u8,
    paper: u8,
    portrait: bool,
    steps: Vec<StepSpec>,
}

#[derive(Arbitrary, Debug)]
struct StepSpec {
    lanes: Vec<u8>,
    kind: u8,
    text: String,
    targets: Vec<(u16, Option<String>)>,
    yes_no: Option<(u16, u16)>,
    requirements: Vec<String>,
    time: String,
    notes: Option<String>,
    symbol_text: Option<String>,
}

fuzz_target!(|doc: Doc| {
    let actors = 1 + usize::from(doc.actors) % 12;
    let n = doc.steps.len().min(150);
    if n == 0 {
        return;
    }
    let id = |k: u16| (usize::from(k) % n + 1).to_string();
    let activities = doc.steps[..n]
        .iter()
        .map(|s| {
            let mut lanes: Vec<String> = s.lanes.iter().take(3).map(|l| format!("p{}", usize::from(*l) % actors)).collect();
            if lanes.is_empty() {
                lanes.push("p0".into());
            }
            let kind = [None, Some(Kind::Process), Some(Kind::Decision), Some(Kind::End), Some(Kind::Start)][usize::from(s.kind) % 5];
            let next = (!s.targets.is_empty()).then(|| {
                Next::Many(
                    s.targets
                        .iter()
                        .take(4)
                        .map(|(t, label)| match label {
                            Some(l) => Branch::Labelled(LabelledBranch { to: id(*t), label: Some(l.clone()) }),
                            None => Branch::To(id(*t)),
                        })
                        .collect(),
                )
            });
            let (yes, no) = s.yes_no.map_or((None, None), |(y, n)| (Some(id(y)), Some(id(n))));
            Activity {
                text: s.text.clone(),
                actor: lanes,
                kind,
                requirements: s.requirements.iter().take(4).cloned().collect(),
                time: Some(s.time.clone()),
                notes: s.notes.clone(),
                symbol_text: s.symbol_text.clone(),
                next: if yes.is_some() { None } else { next },
                yes,
                no,
                ..Activity::default()
            }
        })
        .collect();
    let sop = Sop {
        format: None,
        identity: None,
        actors: (0..actors).map(|i| Actor { id: Some(format!("p{i}")), name: format!("Pelaksana {i}"), group: (doc.actors % 3 == 0 && i % 3 != 2).then(|| format!("Kelompok {}", i / 3)) }).collect(),
        activities,
    };
    let Ok(procedure) = Procedure::from_sop(&sop) else { return };
    let mut config = Config::default();
    config.page.paper = [Paper::F4, Paper::A4, Paper::Letter, Paper::Legal][usize::from(doc.paper) % 4];
    config.page.landscape = !doc.portrait;
    let laid_out = match layout::layout(&procedure, &config) {
        Ok(laid_out) => laid_out,
        Err(sopflow::Error::Invalid(d)) if d.contains(sopflow::Code::TableTooWide) => {
            let needed = config.page.size().width;
            assert!(procedure.lanes().len() * 40 > needed as usize / 2, "refused with few performers: {d}");
            return;
        }
        Err(e) => panic!("layout refused: {e}"),
    };
    // A page has its paper's size; only a page holding a row taller than a
    // whole page body grows, and a warning names that row.
    let tall: Vec<usize> = laid_out.warnings.iter().filter(|w| w.code == sopflow::Code::RowTallerThanPage).filter_map(|w| w.activity.as_ref().map(|a| a.number - 1)).collect();
    let paper = config.page.size();
    for page in &laid_out.pages {
        assert!((page.size.width - paper.width).abs() < 0.01, "a page wider than its paper");
        let grown = page.rows.iter().any(|r| tall.contains(&r.step));
        assert!(grown || (page.size.height - paper.height).abs() < 0.01, "a page taller than its paper: {:?} on {paper:?}", page.size);
    }
    let violations = layout::verify(&laid_out);
    assert!(violations.is_empty(), "{violations:#?}");
    let pages = render::svg_pages(&laid_out, &config.theme, &render::ImagePolicy::default()).expect("no images to load");
    assert_eq!(pages.len(), laid_out.pages.len());
    // The time through a step lies between the fastest and the slowest
    // service time, its fastest no slower than its slowest.
    let total = procedure.service_time();
    for through in procedure.service_time_through().into_iter().flatten() {
        let total = total.expect("a step on a path, so an end is reachable");
        let (min, max) = (through.min.to_minutes(), through.max.to_minutes());
        assert!(min <= max + 1e-6, "{through:?}");
        assert!(min + 1e-6 >= total.min.to_minutes(), "{through:?} {total:?}");
        assert!(max <= total.max.to_minutes() + 1e-6, "{through:?} {total:?}");
    }
    // The page runs its own script only: the island holds no markup.
    let html = render::html(&procedure, &laid_out, &config, &render::ImagePolicy::default(), render::Extras::default()).expect("no images to load");
    assert_eq!(html.matches("<script").count(), 2);
    let start = html.find("id=\"sop-data\">").unwrap() + 14;
    let island = &html[start..start + html[start..].find("</script>").unwrap()];
    assert!(!island.contains('<') && !island.contains('>'));
    serde_json::from_str::<serde_json::Value>(island).expect("the island is JSON");
});
