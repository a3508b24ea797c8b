//! Whether a Kegiatan text reads as an action, by Indonesian verb
//! morphology: a prefixed verb (me-, mem-, men-, meng-, meny-, di-, ber-,
//! ter-) or an imperative (a base verb, a `-kan` form) first, or after a
//! subject of a few words ("Petugas loket menerima …").

/// Base verbs drafters write as imperatives ("Periksa berkas").
const BASE_VERBS: &[&str] = &[
    "ajukan",
    "ambil",
    "analisis",
    "arsipkan",
    "baca",
    "beri",
    "berikan",
    "buat",
    "bubuhkan",
    "catat",
    "cek",
    "cetak",
    "daftar",
    "disposisi",
    "entri",
    "evaluasi",
    "hitung",
    "identifikasi",
    "input",
    "inventarisasi",
    "isi",
    "kaji",
    "kembalikan",
    "kirim",
    "konfirmasi",
    "koordinasi",
    "koreksi",
    "laksanakan",
    "laporkan",
    "lengkapi",
    "lakukan",
    "masukkan",
    "minta",
    "monitor",
    "olah",
    "pantau",
    "paraf",
    "perbaiki",
    "periksa",
    "pilih",
    "pindai",
    "proses",
    "rapat",
    "rekap",
    "revisi",
    "sampaikan",
    "scan",
    "serahkan",
    "setujui",
    "siapkan",
    "simpan",
    "susun",
    "survei",
    "tanda",
    "tandatangani",
    "telaah",
    "tentukan",
    "terima",
    "teruskan",
    "tetapkan",
    "tindaklanjuti",
    "tolak",
    "tulis",
    "ukur",
    "uji",
    "unduh",
    "unggah",
    "upload",
    "validasi",
    "verifikasi",
];

/// How many words may stand before the verb (the subject: "Kepala
/// Subbagian Umum dan Kepegawaian").
const SUBJECT_WORDS: usize = 6;

/// True when the text reads as an action.
pub(super) fn is_action(text: &str) -> bool {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    is_imperative(first)
        || words
            .iter()
            .take(SUBJECT_WORDS + 1)
            .any(|w| is_prefixed_verb(w))
}

fn is_imperative(word: &str) -> bool {
    BASE_VERBS.contains(&word) || (word.len() > 5 && word.ends_with("kan"))
}

/// A word with a verb prefix and a stem of its own ("menerima", "diproses",
/// "bertanya", "tersedia"; not "media", "teri").
fn is_prefixed_verb(word: &str) -> bool {
    const PREFIXES: &[&str] = &["meng", "meny", "mem", "men", "me", "di", "ber", "ter"];
    PREFIXES.iter().any(|p| {
        word.strip_prefix(p)
            .is_some_and(|stem| stem.chars().count() >= 3 && !NOT_VERBS.contains(&word))
    })
}

/// Words that begin like a prefixed verb but are nouns, adjectives or
/// conjunctions drafters put first.
const NOT_VERBS: &[&str] = &[
    "media",
    "medis",
    "menteri",
    "menu",
    "meja",
    "memo",
    "mental",
    "metode",
    "meter",
    "dinas",
    "direktur",
    "direktorat",
    "direksi",
    "dirjen",
    "divisi",
    "dimana",
    "disini",
    "dia",
    "diri",
    "berkas",
    "berita",
    "beras",
    "berat",
    "terminal",
    "termin",
    "teritori",
    "teori",
    "terhadap",
    "meskipun",
    "melalui",
    "menurut",
    "mengenai",
    "menjadi",
    "bersama",
    "berdasarkan",
    "tersebut",
    "terkait",
    "dengan",
];

/// Words an official's title begins with, as the subject of a row's text.
const TITLES: &[&str] = &[
    "kepala",
    "sekretaris",
    "direktur",
    "lurah",
    "camat",
    "bupati",
    "walikota",
    "gubernur",
    "menteri",
    "pejabat",
    "bendahara",
    "verifikator",
    "operator",
    "petugas",
    "staf",
    "pegawai",
    "analis",
    "pengelola",
    "arsiparis",
    "pimpinan",
    "ketua",
    "koordinator",
];

/// The official a text names as the one acting: the words before its
/// first prefixed verb, when they begin with a title ("Kepala Seksi
/// Pelayanan menandatangani …" → "kepala seksi pelayanan"), abbreviations
/// written out; with the words as the text writes them.
pub(super) fn official_subject(text: &str) -> Option<(String, String)> {
    let words: Vec<String> = normal(text).split(' ').map(str::to_owned).collect();
    let verb = words
        .iter()
        .take(SUBJECT_WORDS + 1)
        .position(|w| is_prefixed_verb(w))?;
    let subject = expand(&words[..verb].join(" "));
    let first = subject.split(' ').next()?;
    let written = text
        .split_whitespace()
        .take(verb)
        .collect::<Vec<_>>()
        .join(" ");
    TITLES.contains(&first).then_some((written, subject))
}

/// A performer's or official's name with abbreviations written out
/// ("Kasubag Umum" → "kepala subbagian umum").
pub(super) fn expand(name: &str) -> String {
    const SHORT: &[(&str, &str)] = &[
        ("kasubag", "kepala subbagian"),
        ("kasubbag", "kepala subbagian"),
        ("kasi", "kepala seksi"),
        ("kasie", "kepala seksi"),
        ("kabid", "kepala bidang"),
        ("kabag", "kepala bagian"),
        ("kadis", "kepala dinas"),
        ("kaban", "kepala badan"),
        ("sekdis", "sekretaris dinas"),
        ("subag", "subbagian"),
        ("subbag", "subbagian"),
    ];
    let normal = normal(name).replace("sub bagian", "subbagian");
    normal
        .split(' ')
        .map(|w| {
            SHORT
                .iter()
                .find(|(s, _)| *s == w)
                .map_or(w, |(_, long)| long)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The number of words of a text.
pub(super) fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// A text reduced for comparison: lower case, single spaces, no
/// punctuation at the ends of words.
pub(super) fn normal(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A text cut to its first eight words, for a message.
pub(super) fn short(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 8 {
        words.join(" ")
    } else {
        format!("{} …", words[..8].join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_are_recognised_by_their_verbs() {
        for text in [
            "Menerima berkas permohonan",
            "Memverifikasi transaksi",
            "Pengguna layanan mengakses layanan perpustakaan",
            "Resepsionis mengarahkan pengguna layanan",
            "Kepala Subbagian Umum dan Kepegawaian menandatangani surat",
            "Berkas diproses oleh petugas",
            "Periksa kelengkapan berkas",
            "Serahkan surat kepada pemohon",
            "Dokumen diarsipkan",
            "Setelah selesai diinput, walidata akan melakukan verifikasi isian.",
        ] {
            assert!(is_action(text), "{text}");
        }
    }

    #[test]
    fn the_official_a_text_names_as_acting() {
        let subject = |t: &str| official_subject(t).map(|(_, s)| s);
        assert_eq!(
            official_subject("Kepala Seksi Pelayanan menandatangani surat"),
            Some((
                "Kepala Seksi Pelayanan".into(),
                "kepala seksi pelayanan".into()
            ))
        );
        assert_eq!(
            subject("Kasi Pelayanan memeriksa berkas").as_deref(),
            Some("kepala seksi pelayanan")
        );
        assert_eq!(subject("Pemohon mengisi formulir"), None);
        assert_eq!(subject("Memeriksa berkas dari Kepala Seksi"), None);
        assert_eq!(expand("Kasubag  Umum"), "kepala subbagian umum");
    }

    #[test]
    fn noun_phrases_are_not_actions() {
        for text in [
            "Penerimaan berkas permohonan",
            "Verifikator",
            "Surat keputusan kepala dinas",
            "Berkas permohonan",
            "Media layanan",
            "",
        ] {
            assert!(!is_action(text), "{text}");
        }
    }
}
