//! A seeded generator of realistic SOPs, for benchmarks and property
//! tests: Indonesian activity texts of 5-25 words, about 15 % decisions
//! (rework loops back, some forward jumps), forks, joint activities, and
//! every "Waktu" form drafters use.

use crate::model::{Activity, Actor, Branch, FORMAT, Identity, Kind, LabelledBranch, Next, Sop};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GenerateOptions {
    /// Number of activities (at least 1).
    pub activities: usize,
    /// Number of actors (at least 1).
    pub actors: usize,
    /// Seed: the same options give the same SOP.
    pub seed: u64,
    /// Share of decisions.
    pub decisions: f64,
    /// Share of processes that fork to two successors.
    pub forks: f64,
    /// Share of joint activities.
    pub joints: f64,
}

impl GenerateOptions {
    /// Realistic defaults for `activities` and `actors`.
    pub fn new(activities: usize, actors: usize, seed: u64) -> Self {
        Self {
            activities,
            actors,
            seed,
            decisions: 0.15,
            forks: 0.05,
            joints: 0.03,
        }
    }
}

/// A small, fast, seeded random source (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const VERBS: &[&str] = &[
    "Menerima",
    "Memeriksa",
    "Memverifikasi",
    "Menyusun",
    "Menyampaikan",
    "Mencatat",
    "Menandatangani",
    "Mengarsipkan",
    "Menginput",
    "Mendisposisikan",
    "Mengoreksi",
    "Menyetujui",
    "Menelaah",
    "Membuat",
    "Mengirimkan",
    "Mengunggah",
];
const OBJECTS: &[&str] = &[
    "berkas permohonan",
    "surat masuk",
    "dokumen kelengkapan",
    "data kependudukan",
    "laporan keuangan",
    "nota dinas",
    "berita acara serah terima",
    "draf keputusan",
    "formulir pendaftaran",
    "rekapitulasi anggaran",
    "surat rekomendasi",
    "kartu kendali",
    "bukti pembayaran",
    "daftar hadir",
    "dokumen kontrak",
    "hasil verifikasi",
];
const TAILS: &[&str] = &[
    "sesuai ketentuan yang berlaku",
    "melalui aplikasi layanan",
    "kepada pejabat yang berwenang",
    "untuk ditindaklanjuti",
    "dan memastikan kelengkapannya",
    "ke dalam buku register",
    "secara elektronik",
    "beserta lampirannya",
    "dengan memperhatikan standar pelayanan",
    "paling lambat pada hari kerja berikutnya",
    "kepada pemohon",
    "",
];
const TIMES: &[&str] = &[
    "5 menit",
    "10 menit",
    "15 Menit",
    "30menit",
    "1 jam",
    "2 jam",
    "1 hari",
    "3 hari kerja",
    "1 x 24 jam",
    "5-10 menit",
    "30 menit - 3 Jam",
    "1 Hari Kerja",
    "-",
    "15 minutes",
    "Sesuai kebutuhan",
];
const ITEMS: &[&str] = &[
    "Formulir",
    "KTP",
    "Kartu Keluarga",
    "Surat Pengantar",
    "Komputer",
    "Printer",
    "ATK",
    "Aplikasi SIAK",
    "Buku Register",
];
const OUTPUTS: &[&str] = &[
    "Berkas lengkap",
    "Surat",
    "Data terverifikasi",
    "Laporan",
    "Nota dinas",
    "Tanda terima",
    "Keputusan",
    "-",
];
const ROLES: &[&str] = &[
    "Pemohon",
    "Petugas Loket",
    "Operator",
    "Verifikator",
    "Kepala Seksi",
    "Kepala Bidang",
    "Sekretaris",
    "Kepala Dinas",
    "Bendahara",
    "Arsiparis",
    "Pejabat Pembuat Komitmen",
    "Penyedia",
    "Tim Teknis",
    "Walidata",
    "Pengelola BMN",
    "Auditor",
];

/// Generates one SOP document.
pub fn generate(options: GenerateOptions) -> Sop {
    let mut rng = Rng(options.seed ^ 0x5EED_50F1_0000_0000);
    let n = options.activities.max(1);
    let lanes = options.actors.max(1);
    let actors: Vec<Actor> = (0..lanes)
        .map(|i| Actor {
            id: Some(format!("p{}", i + 1)),
            name: format!("{} {}", ROLES[i % ROLES.len()], i / ROLES.len() + 1),
            group: None,
        })
        .collect();
    let mut lane = 0;
    let mut activities = Vec::with_capacity(n);
    for i in 0..n {
        if i > 0 && !rng.chance(0.35) {
            lane = rng.below(lanes);
        }
        let words = 5 + rng.below(21);
        let mut text = format!("{} {}", rng.pick(VERBS), rng.pick(OBJECTS));
        while text.split(' ').count() < words {
            let tail = rng.pick(TAILS);
            let piece = if tail.is_empty() {
                rng.pick(OBJECTS)
            } else {
                tail
            };
            text.push(' ');
            text.push_str(piece);
        }
        let text: String = text.split(' ').take(words).collect::<Vec<_>>().join(" ");
        let mut actor = vec![actors[lane].key().to_owned()];
        if lanes > 1 && i > 0 && i + 1 < n && rng.chance(options.joints) {
            let other = (lane + 1 + rng.below(lanes - 1)) % lanes;
            actor.push(actors[other].key().to_owned());
        }
        let mut activity = Activity {
            id: Some((i + 1).to_string()),
            text,
            actor,
            requirements: (0..rng.below(4))
                .map(|_| rng.pick(ITEMS).to_owned())
                .collect(),
            time: Some(rng.pick(TIMES).to_owned()),
            output: Some(rng.pick(OUTPUTS).to_owned()),
            ..Activity::default()
        };
        if i > 1 && i + 1 < n && rng.chance(options.decisions) {
            activity.kind = Some(Kind::Decision);
            let target = if rng.chance(0.75) {
                i - 1 - rng.below(i.min(5))
            } else {
                (i + 2 + rng.below(5)).min(n - 1)
            };
            if target != i + 1 {
                activity.no = Some((target + 1).to_string());
            } else {
                activity.next = Some(Next::Many(vec![
                    Branch::Labelled(LabelledBranch {
                        to: (i + 2).to_string(),
                        label: Some("Lengkap".into()),
                    }),
                    Branch::Labelled(LabelledBranch {
                        to: (i.saturating_sub(1) + 1).to_string(),
                        label: Some("Belum lengkap".into()),
                    }),
                ]));
            }
        } else if i + 3 < n && i > 0 && rng.chance(options.forks) {
            let far = i + 2 + rng.below(3.min(n - i - 2));
            activity.next = Some(Next::Many(vec![
                Branch::To((i + 2).to_string()),
                Branch::To((far + 1).to_string()),
            ]));
        }
        activities.push(activity);
    }
    Sop {
        format: Some(FORMAT.to_owned()),
        identity: Some(Identity {
            agency: Some("Pemerintah Kota Contoh".into()),
            number: Some(format!("800/SOP-{}/2025", options.seed)),
            name: Some(format!("Prosedur Contoh {n} Kegiatan")),
            ..Identity::default()
        }),
        actors,
        activities,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_sops_are_valid_and_repeatable() {
        for seed in 0..50 {
            let options = GenerateOptions::new(1 + seed as usize * 3, 1 + seed as usize % 9, seed);
            let sop = generate(options);
            assert_eq!(sop, generate(options));
            let procedure = crate::Procedure::from_sop(&sop);
            assert!(procedure.is_ok(), "seed {seed}: {:?}", procedure.err());
        }
    }

    #[test]
    fn roughly_fifteen_percent_decisions() {
        let sop = generate(GenerateOptions::new(2000, 8, 7));
        let decisions = sop
            .activities
            .iter()
            .filter(|a| a.kind == Some(Kind::Decision))
            .count();
        assert!((200..400).contains(&decisions), "{decisions}");
    }
}
