//! Every word the document prints, Indonesian by default, English provided.

use super::ReaderWords;
use serde::{Deserialize, Serialize};

/// Every word the document prints. Indonesian by default; see
/// [`Words::english`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Words {
    /// "No".
    pub number: String,
    /// "Kegiatan".
    pub activity: String,
    /// "Pelaksana".
    pub actors: String,
    /// "Mutu Baku".
    pub quality: String,
    /// "Kelengkapan".
    pub requirements: String,
    /// "Waktu".
    pub time: String,
    /// "Output".
    pub output: String,
    /// "Keterangan".
    pub notes: String,
    /// "Ya".
    pub yes: String,
    /// "Tidak".
    pub no: String,
    /// "Halaman {page} dari {pages}".
    pub page_of: String,
    /// Identity sheet labels.
    pub identity: IdentityWords,
    /// Words of the interactive HTML page around the drawing.
    pub reader: ReaderWords,
    /// Month names for printing ISO dates.
    pub months: [String; 12],
    /// BCP 47 language tag of these words, written into the PDF.
    pub language: String,
}

/// Words of the identity sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct IdentityWords {
    /// "NOMOR SOP".
    pub number: String,
    /// "TANGGAL PEMBUATAN".
    pub created: String,
    /// "TANGGAL REVISI".
    pub revised: String,
    /// "TANGGAL EFEKTIF".
    pub effective: String,
    /// "DISAHKAN OLEH".
    pub approved_by: String,
    /// "NAMA SOP".
    pub name: String,
    /// "NIP".
    pub nip: String,
    /// "DASAR HUKUM".
    pub legal_basis: String,
    /// "KUALIFIKASI PELAKSANA".
    pub qualifications: String,
    /// "KETERKAITAN".
    pub related: String,
    /// "PERALATAN/PERLENGKAPAN".
    pub equipment: String,
    /// "PERINGATAN".
    pub warnings: String,
    /// "PENCATATAN DAN PENDATAAN".
    pub records: String,
    /// "(lanjutan)": marks what a later identity page continues.
    pub continued: String,
}

impl Default for Words {
    fn default() -> Self {
        Self::indonesian()
    }
}

impl Default for IdentityWords {
    fn default() -> Self {
        Words::indonesian().identity
    }
}

impl Words {
    /// The Indonesian label set (the default).
    pub fn indonesian() -> Self {
        Self::from_words(
            [
                "No",
                "Kegiatan",
                "Pelaksana",
                "Mutu Baku",
                "Kelengkapan",
                "Waktu",
                "Output",
                "Keterangan",
                "Ya",
                "Tidak",
                "Halaman {page} dari {pages}",
            ],
            [
                "NOMOR SOP",
                "TANGGAL PEMBUATAN",
                "TANGGAL REVISI",
                "TANGGAL EFEKTIF",
                "DISAHKAN OLEH",
                "NAMA SOP",
                "NIP",
                "DASAR HUKUM",
                "KUALIFIKASI PELAKSANA",
                "KETERKAITAN",
                "PERALATAN/PERLENGKAPAN",
                "PERINGATAN",
                "PENCATATAN DAN PENDATAAN",
                "(lanjutan)",
            ],
            [
                "Januari",
                "Februari",
                "Maret",
                "April",
                "Mei",
                "Juni",
                "Juli",
                "Agustus",
                "September",
                "Oktober",
                "November",
                "Desember",
            ],
            ReaderWords::indonesian(),
            "id",
        )
    }

    /// The English label set.
    pub fn english() -> Self {
        Self::from_words(
            [
                "No",
                "Activity",
                "Performers",
                "Quality Standard",
                "Requirements",
                "Time",
                "Output",
                "Notes",
                "Yes",
                "No",
                "Page {page} of {pages}",
            ],
            [
                "SOP NUMBER",
                "DATE CREATED",
                "DATE REVISED",
                "EFFECTIVE DATE",
                "APPROVED BY",
                "SOP NAME",
                "NIP",
                "LEGAL BASIS",
                "PERFORMER QUALIFICATIONS",
                "RELATED SOPS",
                "EQUIPMENT",
                "WARNINGS",
                "RECORDS",
                "(continued)",
            ],
            [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ],
            ReaderWords::english(),
            "en",
        )
    }

    /// A label set from its words, in field order.
    fn from_words(
        table: [&str; 11],
        identity: [&str; 14],
        months: [&str; 12],
        reader: ReaderWords,
        language: &str,
    ) -> Self {
        let [
            number,
            activity,
            actors,
            quality,
            requirements,
            time,
            output,
            notes,
            yes,
            no,
            page_of,
        ] = table.map(str::to_owned);
        let [
            n,
            created,
            revised,
            effective,
            approved_by,
            name,
            nip,
            legal_basis,
            qualifications,
            related,
            equipment,
            warnings,
            records,
            continued,
        ] = identity.map(str::to_owned);
        Self {
            number,
            activity,
            actors,
            quality,
            requirements,
            time,
            output,
            notes,
            yes,
            no,
            page_of,
            identity: IdentityWords {
                number: n,
                created,
                revised,
                effective,
                approved_by,
                name,
                nip,
                legal_basis,
                qualifications,
                related,
                equipment,
                warnings,
                records,
                continued,
            },
            reader,
            months: months.map(str::to_owned),
            language: language.to_owned(),
        }
    }

    /// "Halaman 2 dari 5".
    pub fn page_of(&self, page: usize, pages: usize) -> String {
        self.page_of
            .replace("{page}", &page.to_string())
            .replace("{pages}", &pages.to_string())
    }

    /// An ISO date ("2025-06-02") printed as "2 Juni 2025"; anything else as written.
    pub fn date(&self, text: &str) -> String {
        let parts: Vec<&str> = text.trim().split('-').collect();
        if let [y, m, d] = parts[..]
            && y.len() == 4
            && m.len() == 2
            && d.len() == 2
            && let (Ok(year), Ok(month), Ok(day)) =
                (y.parse::<u32>(), m.parse::<usize>(), d.parse::<u32>())
            && (1..=12).contains(&month)
            && (1..=31).contains(&day)
        {
            return format!("{day} {} {year}", self.months[month - 1]);
        }
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_print_the_indonesian_way() {
        let labels = Words::indonesian();
        assert_eq!(labels.date("2025-06-02"), "2 Juni 2025");
        assert_eq!(labels.date("2 Juni 2025"), "2 Juni 2025");
        assert_eq!(labels.date("-"), "-");
        assert_eq!(labels.date("2025-13-02"), "2025-13-02");
        assert_eq!(Words::english().date("2025-01-10"), "10 January 2025");
    }
}
