//! The words a BPMN import writes where the model has none: the text of an
//! unnamed step, the label of a boundary event, a timer's duration.

use crate::error::Lang;

/// The text of an unnamed step of `element` with event `trigger`.
pub(super) fn step_text(element: &str, trigger: Option<&str>, lang: Lang) -> String {
    let (id, en) = match (element, trigger) {
        ("startEvent", _) => ("Mulai", "Start"),
        ("endEvent", _) => ("Selesai", "End"),
        ("boundaryEvent", Some(trigger)) => return trigger_word(trigger, lang),
        ("intermediateCatchEvent", Some("timerEventDefinition")) => ("Menunggu waktu", "Wait"),
        ("intermediateCatchEvent", Some("messageEventDefinition")) => {
            ("Menerima pesan", "Receive message")
        }
        ("intermediateThrowEvent", Some("messageEventDefinition")) => {
            ("Mengirim pesan", "Send message")
        }
        (e, _) if e.ends_with("Event") => ("Peristiwa", "Event"),
        ("parallelGateway", _) => ("Percabangan paralel", "Parallel split"),
        (e, _) if e.ends_with("Gateway") => ("Keputusan?", "Decision?"),
        ("callActivity", _) => ("Menjalankan proses lain", "Call activity"),
        ("subProcess" | "transaction" | "adHocSubProcess", _) => ("Subproses", "Sub-process"),
        _ => ("Tugas", "Task"),
    };
    pick(lang, id, en)
}

/// What triggers an event (`timerEventDefinition`), as a flow label.
pub(super) fn trigger_word(definition: &str, lang: Lang) -> String {
    let (id, en) = match definition {
        "timerEventDefinition" => ("Waktu habis", "Timer"),
        "messageEventDefinition" => ("Pesan", "Message"),
        "errorEventDefinition" => ("Galat", "Error"),
        "escalationEventDefinition" => ("Eskalasi", "Escalation"),
        "signalEventDefinition" => ("Sinyal", "Signal"),
        "conditionalEventDefinition" => ("Kondisi", "Condition"),
        "compensateEventDefinition" => ("Kompensasi", "Compensation"),
        "cancelEventDefinition" => ("Batal", "Cancel"),
        _ => ("Peristiwa", "Event"),
    };
    pick(lang, id, en)
}

fn pick(lang: Lang, id: &str, en: &str) -> String {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
    .to_owned()
}

/// An ISO 8601 duration (`P2D`, `PT4H`, `PT1H30M`) as the Waktu column
/// writes it ("2 hari", "4 jam", "1 jam 30 menit"), in Indonesian, the
/// language the time reader and the drawing's totals use; None when it is
/// not a duration (a cycle `R/P2D`, a date).
pub(super) fn duration(iso: &str) -> Option<String> {
    let rest = iso.trim().strip_prefix(['P', 'p'])?;
    let (date, time) = match rest.split_once(['T', 't']) {
        Some((date, time)) => (date, Some(time)),
        None => (rest, None),
    };
    let mut parts = Vec::new();
    read_units(
        date,
        &[
            ('Y', "tahun"),
            ('M', "bulan"),
            ('W', "minggu"),
            ('D', "hari"),
        ],
        &mut parts,
    )?;
    if let Some(time) = time {
        if time.is_empty() {
            return None;
        }
        read_units(
            time,
            &[('H', "jam"), ('M', "menit"), ('S', "detik")],
            &mut parts,
        )?;
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// Reads `3D4H`-style number-unit pairs in the order of `units`.
fn read_units(text: &str, units: &[(char, &str)], parts: &mut Vec<String>) -> Option<()> {
    let mut rest = text;
    let mut next_unit = 0;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .filter(|&end| end > 0)?;
        let number = rest[..digits].replace(',', ".");
        let value: f64 = number.parse().ok()?;
        let unit = rest[digits..].chars().next()?.to_ascii_uppercase();
        let at = units[next_unit..].iter().position(|(u, _)| *u == unit)? + next_unit;
        next_unit = at + 1;
        if value > 0.0 {
            parts.push(format!("{value} {}", units[at].1));
        }
        rest = &rest[digits + 1..];
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_durations_read_as_the_waktu_column_writes_them() {
        assert_eq!(duration("P2D").as_deref(), Some("2 hari"));
        assert_eq!(duration("PT4H").as_deref(), Some("4 jam"));
        assert_eq!(duration("PT1H30M").as_deref(), Some("1 jam 30 menit"));
        assert_eq!(duration("P1W").as_deref(), Some("1 minggu"));
        assert_eq!(duration("PT0.5H").as_deref(), Some("0.5 jam"));
        assert_eq!(duration("P1M").as_deref(), Some("1 bulan"));
        assert_eq!(duration("PT1M").as_deref(), Some("1 menit"));
    }

    #[test]
    fn what_is_not_a_duration_gives_none() {
        for text in [
            "R/P2D",
            "2026-01-01T10:00:00Z",
            "P",
            "PT",
            "P2X",
            "PD",
            "P1H",
            "",
            "${x}",
        ] {
            assert_eq!(duration(text), None, "{text}");
        }
    }
}
