use super::*;

/// A procedure over performers A and B from `(id, actor, kind, targets)`:
/// a decision's targets are its "yes" and "no", anything else's its next.
fn procedure(steps: &[(&str, &str, &str, &[&str])]) -> Procedure {
    let activities: Vec<String> = steps
        .iter()
        .map(|&(id, actor, kind, to)| {
            let quoted: Vec<String> = to.iter().map(|t| format!("\"{t}\"")).collect();
            let branches = match (kind, quoted.as_slice()) {
                ("decision", [yes, no]) => format!(r#","yes":{yes},"no":{no}"#),
                (_, []) => String::new(),
                (_, next) => format!(r#","next":[{}]"#, next.join(",")),
            };
            format!(
                r#"{{"id":"{id}","text":"Kegiatan {id}","actor":"{actor}","kind":"{kind}"{branches}}}"#
            )
        })
        .collect();
    let json = format!(
        r#"{{"actors":[{{"id":"A","name":"A"}},{{"id":"B","name":"B"}}],"activities":[{}]}}"#,
        activities.join(",")
    );
    Procedure::from_sop(&crate::parse_sop(&json).unwrap()).unwrap()
}

/// `procedure` on pages of rows 0-1, 2-3 and 4-5.
fn planned(procedure: &Procedure) -> Plan {
    let lanes = connector_lanes(procedure);
    plan(
        procedure,
        vec![0..2, 2..4, 4..6],
        &lanes,
        ConnectorLabels::Numbers,
    )
}

#[test]
fn two_connectors_at_one_foot_lane_trade_arrows_to_other_pages() {
    // Page 1 sends "Tidak" of s0 to s4 (page 3) and s1's arrow to s2
    // (page 2), both from lane A: pairs 0 and 1, side by side at its foot.
    let p = procedure(&[
        ("s0", "A", "decision", &["s1", "s4"]),
        ("s1", "A", "process", &["s2"]),
        ("s2", "A", "process", &["s3"]),
        ("s3", "B", "process", &["s4"]),
        ("s4", "A", "process", &["s5"]),
        ("s5", "A", "end", &[]),
    ]);
    let mut plan = planned(&p);
    let to = |plan: &Plan, k: usize| p.steps[p.flows[plan.pairs[k].flow].to].id.clone();
    assert_eq!((to(&plan, 0), to(&plan, 1)), ("s4".into(), "s2".into()));
    assert!(plan.may_swap(&p, 0));
    // Pair 1 stands at page 1's foot, pair 2 (s3 to s4) at page 2's.
    assert!(!plan.may_swap(&p, 1));
    plan.swap(&p, 0);
    assert_eq!((to(&plan, 0), to(&plan, 1)), ("s2".into(), "s4".into()));
    assert_eq!(plan.pairs[0].label, "1");
    // Each head now holds the other number.
    assert_eq!(plan.incoming[1], vec![0]);
    assert!(plan.incoming[2].contains(&1) && !plan.incoming[2].contains(&0));
    plan.swap(&p, 0);
    assert_eq!((to(&plan, 0), to(&plan, 1)), ("s4".into(), "s2".into()));
    assert_eq!(plan.incoming[1], vec![1]);
}

#[test]
fn connectors_bound_for_two_lanes_of_one_head_band_keep_their_numbers() {
    // Two arrows from page 1's lane A go to page 3, one into lane A and
    // one into lane B: traded, that head band would read out of order.
    let p = procedure(&[
        ("s0", "A", "decision", &["s1", "s4"]),
        ("s1", "A", "process", &["s5"]),
        ("s2", "B", "process", &["s3"]),
        ("s3", "B", "end", &[]),
        ("s4", "A", "process", &["s5"]),
        ("s5", "B", "end", &[]),
    ]);
    let plan = planned(&p);
    let to = |k: usize| p.steps[p.flows[plan.pairs[k].flow].to].id.to_string();
    let k = (0..plan.pairs.len()).find(|&k| to(k) == "s4").unwrap();
    assert_eq!(to(k + 1), "s5");
    assert_eq!(
        (plan.pages_of(&p, k), plan.pages_of(&p, k + 1)),
        ((0, 2), (0, 2))
    );
    assert!(!plan.may_swap(&p, k));
}

#[test]
fn connectors_in_two_band_rows_of_one_foot_lane_keep_their_numbers() {
    // Four arrows leave page 1 from lane A: three connectors stand side
    // by side in the foot band's first row, the fourth in a second row.
    let p = procedure(&[
        ("s0", "A", "decision", &["s2", "s4"]),
        ("s1", "A", "process", &["s3", "s5"]),
        ("s2", "A", "process", &["s3"]),
        ("s3", "A", "process", &["s4"]),
        ("s4", "A", "process", &["s5"]),
        ("s5", "A", "end", &[]),
    ]);
    let plan = planned(&p);
    assert!((0..4).all(|k| plan.pages_of(&p, k).0 == 0));
    assert!(plan.may_swap(&p, 1));
    assert!(!plan.may_swap(&p, 2));
}
