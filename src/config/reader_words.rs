//! The words of the interactive HTML page (its step panel, path view,
//! performer filter and search), in the same label sets as the drawing.

use serde::{Deserialize, Serialize};

/// Words of the interactive page around the drawing. The field names of a
/// step (No, Kegiatan, Pelaksana, ...) are the table's own words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ReaderWords {
    /// "Daftar kegiatan": the heading of the step list.
    pub steps: String,
    /// "Cari kegiatan": the search field.
    pub search: String,
    /// "Semua pelaksana": the performer filter's first choice.
    pub all_performers: String,
    /// "Jalur": the path view switch.
    pub path: String,
    /// "Waktu layanan".
    pub service_time: String,
    /// "tercepat": the fastest path.
    pub fastest: String,
    /// "terlama": the slowest path.
    pub slowest: String,
    /// "Waktu jalur melalui kegiatan ini".
    pub through: String,
    /// "Tidak pada jalur dari mulai sampai selesai".
    pub no_path: String,
    /// "{n} kegiatan": how many steps a filter or search found.
    pub found: String,
    /// "Lanjut ke": the step's successors.
    pub next: String,
    /// "Hapus pilihan": clears every highlight.
    pub clear: String,
}

impl Default for ReaderWords {
    fn default() -> Self {
        Self::indonesian()
    }
}

impl ReaderWords {
    /// The Indonesian words (the default).
    pub fn indonesian() -> Self {
        Self::from_words([
            "Daftar kegiatan",
            "Cari kegiatan",
            "Semua pelaksana",
            "Jalur",
            "Waktu layanan",
            "tercepat",
            "terlama",
            "Waktu jalur melalui kegiatan ini",
            "Tidak pada jalur dari mulai sampai selesai",
            "{n} kegiatan",
            "Lanjut ke",
            "Hapus pilihan",
        ])
    }

    /// The English words.
    pub fn english() -> Self {
        Self::from_words([
            "Steps",
            "Search the steps",
            "All performers",
            "Path",
            "Service time",
            "fastest",
            "slowest",
            "Time of the paths through this step",
            "On no path from a start to an end",
            "{n} steps",
            "Next",
            "Clear",
        ])
    }

    fn from_words(words: [&str; 12]) -> Self {
        let [
            steps,
            search,
            all_performers,
            path,
            service_time,
            fastest,
            slowest,
            through,
            no_path,
            found,
            next,
            clear,
        ] = words.map(str::to_owned);
        Self {
            steps,
            search,
            all_performers,
            path,
            service_time,
            fastest,
            slowest,
            through,
            no_path,
            found,
            next,
            clear,
        }
    }
}
