//! The Lanjut cell in all its forms: empty (the next row), `5`, `5, 7`
//! (a fork), `Ya: 5; Tidak: 2` (labelled outcomes, also `=`, `->`, `→`,
//! separated by `;`, `,` or line breaks), `-` or `selesai` (no successor).

/// What a Lanjut cell says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Successors {
    /// Empty: the next row.
    Following,
    /// `-` or `selesai`: no successor.
    Nothing,
    /// Named targets, each with its label if it has one.
    Targets(Vec<Target>),
}

/// One named successor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Target {
    /// The label printed beside the arrow ("Ya", "Belum lengkap").
    pub label: Option<String>,
    /// The No of the target row.
    pub to: String,
    /// The part of the cell it was read from, for messages.
    pub written: String,
}

impl Successors {
    /// Number of labelled targets.
    pub fn labelled(&self) -> usize {
        match self {
            Successors::Targets(targets) => targets.iter().filter(|t| t.label.is_some()).count(),
            _ => 0,
        }
    }
}

/// Words that say "no successor".
const NOTHING: &[&str] = &["-", "–", "—", "selesai", "end", "tidak ada", "none"];

/// Reads a Lanjut cell; `Err` holds the part that names no target.
pub(crate) fn parse(cell: &str) -> Result<Successors, String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(Successors::Following);
    }
    if NOTHING.contains(&cell.to_lowercase().as_str()) {
        return Ok(Successors::Nothing);
    }
    let mut targets = Vec::new();
    for part in cell
        .split([';', ',', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let (label, to) = match split_label(part) {
            Some((label, to)) => (Some(label), to),
            None => (None, part),
        };
        let to = to.trim().trim_end_matches('.').trim();
        // A target is the No of a row: one word ("5", "5b").
        if to.is_empty() || to.contains(char::is_whitespace) {
            return Err(part.to_owned());
        }
        targets.push(Target {
            label: label.map(str::to_owned).filter(|l| !l.is_empty()),
            to: to.to_owned(),
            written: part.to_owned(),
        });
    }
    Ok(Successors::Targets(targets))
}

/// Splits `label: target` at the first of `->`, `→`, `:`, `=`.
fn split_label(part: &str) -> Option<(&str, &str)> {
    ["->", "→", ":", "="].iter().find_map(|sep| {
        part.split_once(sep)
            .map(|(label, to)| (label.trim(), to.trim()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(cell: &str) -> Vec<(Option<String>, String)> {
        match parse(cell).unwrap() {
            Successors::Targets(t) => t.into_iter().map(|t| (t.label, t.to)).collect(),
            other => panic!("{other:?}"),
        }
    }

    fn labelled(label: &str, to: &str) -> (Option<String>, String) {
        (Some(label.into()), to.into())
    }

    #[test]
    fn every_form_of_the_contract_is_read() {
        assert_eq!(parse("").unwrap(), Successors::Following);
        assert_eq!(parse(" - ").unwrap(), Successors::Nothing);
        assert_eq!(parse("Selesai").unwrap(), Successors::Nothing);
        assert_eq!(targets("5"), [(None, "5".to_owned())]);
        assert_eq!(
            targets("5, 7"),
            [(None, "5".to_owned()), (None, "7".to_owned())]
        );
        let yes_no = [labelled("Ya", "5"), labelled("Tidak", "2")];
        for cell in [
            "Ya: 5; Tidak: 2",
            "Ya=5, Tidak=2",
            "Ya -> 5\nTidak -> 2",
            "Ya → 5; Tidak → 2.",
        ] {
            assert_eq!(targets(cell), yes_no, "{cell}");
        }
        assert_eq!(
            targets("Lengkap: 4; Belum lengkap: 2"),
            [labelled("Lengkap", "4"), labelled("Belum lengkap", "2")]
        );
        assert_eq!(targets("5b"), [(None, "5b".to_owned())]);
    }

    #[test]
    fn a_label_without_target_is_refused() {
        assert_eq!(parse("Ya: ; Tidak: 2"), Err("Ya:".to_owned()));
        assert_eq!(
            parse("lihat kegiatan 5"),
            Err("lihat kegiatan 5".to_owned())
        );
    }
}
