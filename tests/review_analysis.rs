//! `review::analyze` on an SOP whose numbers are worked out by hand:
//! minutes, hours, days and working days, a rework loop and a fork.

use sopflow::review::analyze;
use sopflow::{Duration, Procedure, parse_sop};

fn procedure() -> Procedure {
    let doc = serde_json::json!({
        "actors": [
            {"id": "a", "name": "Petugas Loket"}, {"id": "b", "name": "Verifikator"},
            {"id": "c", "name": "Pengolah"}, {"id": "d", "name": "Kepala Dinas"}
        ],
        "activities": [
            {"id": "1", "text": "Menerima berkas", "actor": "a", "kind": "start", "time": "10 menit"},
            {"id": "2", "text": "Memeriksa berkas", "actor": "b", "time": "2 jam"},
            {"id": "3", "text": "Lengkap?", "actor": "b", "kind": "decision", "time": "30 menit",
             "yes": "4", "no": "2"},
            {"id": "4", "text": "Memproses izin", "actor": "c", "time": "3 hari kerja", "next": ["5", "6"]},
            {"id": "5", "text": "Menandatangani izin", "actor": "d", "time": "1 hari", "next": "7"},
            {"id": "6", "text": "Mencatat register", "actor": "a", "time": "15 menit", "next": "7"},
            {"id": "7", "text": "Menyerahkan izin", "actor": "a", "kind": "end", "time": "5 menit"}
        ]
    });
    Procedure::from_sop(&parse_sop(&doc.to_string()).unwrap()).unwrap()
}

fn minutes(minutes: f64) -> Duration {
    Duration {
        minutes,
        ..Duration::default()
    }
}

#[test]
fn the_critical_path_goes_round_the_loop_twice_and_takes_the_slower_branch() {
    let analysis = analyze(&procedure());
    let rows: Vec<usize> = analysis.critical_path.iter().map(|s| s.activity).collect();
    assert_eq!(rows, [1, 2, 3, 2, 3, 4, 5, 7]);
    // 10 + 2 × (120 + 30) + 3 working days + 1 day + 5, bases apart.
    let service = analysis.service_time.unwrap();
    assert_eq!(
        service.max,
        Duration {
            minutes: 315.0,
            days: 1.0,
            working_days: 3.0
        }
    );
    // Fastest: once through the loop, the 15-minute branch.
    assert_eq!(
        service.min,
        Duration {
            minutes: 180.0,
            working_days: 3.0,
            ..Duration::default()
        }
    );
    let total: f64 = analysis
        .critical_path
        .iter()
        .map(|s| s.time.to_minutes())
        .sum();
    assert_eq!(total, 3195.0);
    assert_eq!(total, service.max.to_minutes());
}

#[test]
fn time_per_performer_keeps_clock_time_days_and_working_days_apart() {
    let analysis = analyze(&procedure());
    let per: Vec<(&str, Duration, usize)> = analysis
        .performers
        .iter()
        .map(|p| (p.name.as_str(), p.time, p.steps))
        .collect();
    assert_eq!(
        per,
        [
            ("Petugas Loket", minutes(15.0), 2),
            ("Verifikator", minutes(300.0), 4),
            (
                "Pengolah",
                Duration {
                    working_days: 3.0,
                    ..Duration::default()
                },
                1
            ),
            (
                "Kepala Dinas",
                Duration {
                    days: 1.0,
                    ..Duration::default()
                },
                1
            ),
        ]
    );
}

#[test]
fn the_bottleneck_hand_overs_and_the_loop_s_round() {
    let analysis = analyze(&procedure());
    let shares: Vec<(usize, String)> = analysis
        .bottlenecks
        .iter()
        .map(|s| (s.activity, format!("{:.4}", s.share)))
        .collect();
    // 1440 / 3195 for the 3 working days and for the day; the loop's
    // steps count twice: 240 and 60 minutes.
    assert_eq!(
        shares,
        [
            (4, "0.4507".to_owned()),
            (5, "0.4507".to_owned()),
            (2, "0.0751".to_owned()),
            (3, "0.0188".to_owned()),
            (1, "0.0031".to_owned()),
            (7, "0.0016".to_owned()),
        ]
    );
    let handovers: Vec<(usize, usize)> =
        analysis.handovers.iter().map(|h| (h.from, h.to)).collect();
    assert_eq!(handovers, [(1, 2), (3, 4), (4, 5), (5, 7)]);
    assert_eq!(analysis.handovers[0].from_performers, ["Petugas Loket"]);
    assert_eq!(analysis.handovers[0].to_performers, ["Verifikator"]);
    assert_eq!(analysis.loops.len(), 1);
    assert_eq!(analysis.loops[0].activities, [2, 3]);
    assert_eq!(analysis.loops[0].round.max, minutes(150.0));
}

#[test]
fn the_time_through_each_step_is_worked_out_by_hand() {
    let procedure = procedure();
    let through = procedure.service_time_through();
    let at = |i: usize| through[i].unwrap();
    // Through 5 (the signature, 1 day): fastest 10 + 120 + 30 + 3 wd + 1 day + 5;
    // slowest the same with the loop twice.
    assert_eq!(
        at(4).min,
        Duration {
            minutes: 165.0,
            days: 1.0,
            working_days: 3.0
        }
    );
    assert_eq!(
        at(4).max,
        Duration {
            minutes: 315.0,
            days: 1.0,
            working_days: 3.0
        }
    );
    // Through 6 (the register, 15 minutes): the overall fastest path.
    assert_eq!(at(5).min, procedure.service_time().unwrap().min);
    assert_eq!(
        at(5).max,
        Duration {
            minutes: 330.0,
            working_days: 3.0,
            ..Duration::default()
        }
    );
    // Every step of this SOP is on a path; the start and the end see the
    // whole service time.
    for i in [0, 6] {
        assert_eq!(Some(at(i)), procedure.service_time());
    }
}

#[test]
fn a_step_on_no_path_to_an_end_has_no_time_through_it() {
    let doc = serde_json::json!({
        "actors": [{"id": "a", "name": "Petugas"}],
        "activities": [
            {"id": "1", "text": "Mulai", "actor": "a", "kind": "start", "time": "5 menit"},
            {"id": "2", "text": "Memeriksa", "actor": "a", "kind": "decision", "time": "5 menit",
             "yes": "3", "no": "4"},
            {"id": "3", "text": "Selesai", "actor": "a", "kind": "end"},
            {"id": "4", "text": "Menunggu", "actor": "a", "next": "5"},
            {"id": "5", "text": "Menunggu lagi", "actor": "a", "kind": "process", "next": "4"}
        ]
    });
    let procedure = Procedure::from_sop(&parse_sop(&doc.to_string()).unwrap()).unwrap();
    let through = procedure.service_time_through();
    assert_eq!(through[0].map(|t| t.min), Some(minutes(10.0)));
    assert_eq!(through[3], None);
    assert_eq!(through[4], None);
}
