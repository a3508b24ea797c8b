//! The time analysis in words: one (label, lines) row per part, the same
//! for the command line's text and for the page appended to a document.

use super::analysis::Analysis;
use crate::error::Lang;
use crate::procedure::Procedure;

/// The title of the analysis.
pub fn analysis_title(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Analisis Waktu Layanan",
        Lang::En => "Service Time Analysis",
    }
}

/// The analysis as rows: a label and its lines.
pub fn analysis_table(
    procedure: &Procedure,
    a: &Analysis,
    lang: Lang,
) -> Vec<(String, Vec<String>)> {
    let w = |id: &str, en: &str| match lang {
        Lang::Id => id.to_owned(),
        Lang::En => en.to_owned(),
    };
    let steps = procedure.steps();
    let mut rows = Vec::new();
    rows.push((
        w(
            "Waktu layanan (tercepat – terlama)",
            "Service time (fastest – slowest)",
        ),
        vec![a.service_time.map_or_else(
            || {
                w(
                    "tidak dapat dihitung (tidak ada jalan ke akhir)",
                    "not computable (no path to an end)",
                )
            },
            |s| format!("{} – {}", s.min, s.max),
        )],
    ));
    let path: Vec<String> = a
        .critical_path
        .iter()
        .map(|s| s.activity.to_string())
        .collect();
    rows.push((
        w("Jalur kritis (kegiatan)", "Critical path (activities)"),
        vec![path.join(" → ")],
    ));
    let steps_word = w("langkah", "steps");
    rows.push((
        w(
            "Waktu per pelaksana di jalur kritis",
            "Time per performer on the critical path",
        ),
        a.performers
            .iter()
            .map(|p| format!("{}: {} ({} {steps_word})", p.name, p.time, p.steps))
            .collect(),
    ));
    let activity = w("kegiatan", "activity");
    rows.push((
        w(
            "Hambatan (bagian terbesar jalur kritis)",
            "Bottleneck (largest shares of the critical path)",
        ),
        a.bottlenecks
            .iter()
            .take(3)
            .map(|s| {
                format!(
                    "{activity} {} \"{}\": {} ({:.0}%)",
                    s.activity,
                    super::clarity::short(&steps[s.activity - 1].text),
                    s.time,
                    s.share * 100.0
                )
            })
            .collect(),
    ));
    let mut handovers = vec![match lang {
        Lang::Id => format!(
            "{} serah terima; tiap serah terima adalah waktu tunggu",
            a.handovers.len()
        ),
        Lang::En => format!(
            "{} hand-overs; each one is a wait in practice",
            a.handovers.len()
        ),
    }];
    handovers.extend(a.handovers.iter().map(|h| {
        format!(
            "{} → {}: {} → {}",
            h.from,
            h.to,
            h.from_performers.join(" + "),
            h.to_performers.join(" + ")
        )
    }));
    rows.push((w("Serah terima", "Hand-overs"), handovers));
    let loops = if a.loops.is_empty() {
        vec![w("tidak ada", "none")]
    } else {
        a.loops
            .iter()
            .map(|l| {
                let rows: Vec<String> = l.activities.iter().map(usize::to_string).collect();
                let round = if l.round.min == l.round.max {
                    l.round.max.to_string()
                } else {
                    format!("{} – {}", l.round.min, l.round.max)
                };
                match lang {
                    Lang::Id => format!("kegiatan {}: satu putaran {round}", rows.join(", ")),
                    Lang::En => format!("activities {}: one round costs {round}", rows.join(", ")),
                }
            })
            .collect()
    };
    rows.push((w("Putaran ulang (rework)", "Rework loops"), loops));
    rows
}
