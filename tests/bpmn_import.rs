//! BPMN 2.0 import: the three shared models (expected SOPs written by
//! reading the models), one small model per rule of `bpmn-mapping.md`,
//! and the refusals.
#![cfg(feature = "bpmn")]

mod common;

use sopflow::import::{self, Format, ImportOptions};
use sopflow::model::{Branch, Kind, Next, Sop};
use sopflow::{Code, Diagnostics};

fn read(bytes: &[u8]) -> (Sop, Diagnostics) {
    let imported = import::read_bytes(bytes.to_vec(), Format::Bpmn, &ImportOptions::default())
        .unwrap_or_else(|d| panic!("refused: {d}"));
    (imported.sop, imported.warnings)
}

fn shared(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../shared/bpmn/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// One line per row: `id kind actor -> targets` (`yes:`/`no:` for yes/no
/// outcomes, `label=` for labelled ones).
fn rows(sop: &Sop) -> Vec<String> {
    sop.activities
        .iter()
        .map(|a| {
            let kind = match a.kind {
                Some(Kind::Start) => "start",
                Some(Kind::Process) => "process",
                Some(Kind::Decision) => "decision",
                Some(Kind::End) => "end",
                None => "none",
            };
            let mut targets: Vec<String> = Vec::new();
            match &a.next {
                Some(Next::One(to)) => targets.push(to.clone()),
                Some(Next::Many(list)) => {
                    for b in list {
                        targets.push(match b {
                            Branch::To(to) => to.clone(),
                            Branch::Labelled(l) => {
                                format!("{}={}", l.label.clone().unwrap_or_default(), l.to)
                            }
                        });
                    }
                }
                None => {}
            }
            if let Some(yes) = &a.yes {
                targets.push(format!("yes:{yes}"));
            }
            if let Some(no) = &a.no {
                targets.push(format!("no:{no}"));
            }
            format!(
                "{} {kind} {} -> {}",
                a.id.as_deref().unwrap_or("?"),
                a.actor.join("+"),
                targets.join(", ")
            )
        })
        .collect()
}

fn actors(sop: &Sop) -> Vec<String> {
    sop.actors
        .iter()
        .map(|a| match &a.group {
            Some(g) => format!("{} = {g} / {}", a.key(), a.name),
            None => format!("{} = {}", a.key(), a.name),
        })
        .collect()
}

fn texts(sop: &Sop) -> Vec<&str> {
    sop.activities.iter().map(|a| a.text.as_str()).collect()
}

#[test]
fn the_camunda_absence_request_maps_to_its_sop() {
    let (sop, warnings) = read(&shared("c8-absence-request.bpmn"));
    assert_eq!(
        actors(&sop),
        [
            "Lane_Employee = Employee",
            "Lane_LineManager = Line Manager"
        ]
    );
    // The two merging gateways are gone; the timer is an outcome of the
    // task it is attached to; rows follow the depth-first rule.
    assert_eq!(
        rows(&sop),
        [
            "TimeOffNeededStartEvent start Lane_Employee -> RequestAbsenceTask",
            "RequestAbsenceTask process Lane_Employee -> GetLineManagerTask",
            "GetLineManagerTask process Lane_Employee -> ApproveAbsenceTask",
            "ApproveAbsenceTask process Lane_LineManager -> Gateway_1pdgva1, Every 2 days=Event_0z73nuo",
            "Event_0z73nuo process Lane_LineManager -> GetAndConfirmReminderTask",
            "GetAndConfirmReminderTask process Lane_LineManager -> Event_0zynvca",
            "Event_0zynvca end Lane_LineManager -> ",
            "Gateway_1pdgva1 decision Lane_LineManager -> approved=LogAbsenceTask, clarification needed=ClarifyRequestTask, rejected=GetNotification",
            "LogAbsenceTask process Lane_LineManager -> GetNotification",
            "GetNotification process Lane_Employee -> Event_02m7n8y",
            "Event_02m7n8y end Lane_Employee -> ",
            "ClarifyRequestTask process Lane_Employee -> ApproveAbsenceTask",
        ]
    );
    assert_eq!(texts(&sop)[7], "Approval Result?");
    let start = &sop.activities[0];
    assert_eq!(
        start.notes.as_deref(),
        Some(
            "BPMN startEvent\nTriggered when an employee needs time off. The happy-path outcome \
             is the absence request being approved, logged in the HR system, and the employee notified."
        )
    );
    let timer = &sop.activities[4];
    assert_eq!(
        timer.notes.as_deref(),
        Some("BPMN boundaryEvent (timer)\nThis timer triggers a reminder every two days.")
    );
    // R/P2D is a cycle, not a duration: no Waktu.
    assert_eq!(timer.time, None);
    assert!(warnings.0.is_empty(), "{warnings}");
}

#[test]
fn miwg_a_4_1_maps_pools_lanes_sub_processes_and_message_flows() {
    let (sop, warnings) = read(&shared("miwg-A.4.1.bpmn"));
    let lane1 = "sid-4F568BD0-1CB0-4F1C-8729-9DD775B5B37D";
    let lane2 = "sid-FBA8B122-2EFC-4DD5-B714-A13CD36AAA6E";
    let lane3 = "sid-FC452F0B-05C5-4BB2-AA79-F9195F47BD11";
    assert_eq!(
        actors(&sop),
        [
            format!("{lane1} = Pool 1 / Lane 1"),
            format!("{lane2} = Pool 2 / Lane 2"),
            format!("{lane3} = Pool 2 / Lane 3"),
        ]
    );
    let start1 = "sid-70D2F83B-77E6-4301-835C-AFF6357344F8";
    let task1 = "sid-3D477D07-D669-4A26-9454-12AD775FDE70";
    let task2 = "sid-1208A5BA-9E1C-49D2-82E3-5DB2C0E9887D";
    let end1 = "sid-5F0F3508-96EF-4F9B-9182-64AD17334E23";
    let task3 = "sid-34E8C3A5-5C2A-4593-AC67-038B737814D7";
    let sub1 = "sid-00A82BF4-1D0A-48DC-8389-C8AAF3E7F754";
    let task5 = "sid-485E1184-9951-4B41-9794-A9AFD42A3249";
    let end2 = "sid-78073B2D-35BB-45D5-9CF1-D446602F8E59";
    let start2 = "sid-C189128A-82D2-4E5F-8FB4-F6E21FF27E83";
    let end5 = "sid-93C83C6A-1122-4E0F-9F47-4027C9080456";
    let sub2 = "sid-645780CC-D61F-4715-8B58-71679305245F";
    // Message flows are extra successors of their senders (Task 1 → Task 3,
    // Task 5 → Task 2); the expanded sub-processes are one step each;
    // Start Event 2 is reached by no search from Start Event 1 and so
    // starts a tree of its own, last.
    assert_eq!(
        rows(&sop),
        [
            format!("{start1} start {lane1} -> {task1}"),
            format!("{task1} process {lane1} -> {task2}, {task3}"),
            format!("{task3} process {lane2} -> {sub2}, {sub1}"),
            format!("{sub2} process {lane3} -> {end5}"),
            format!("{end5} end {lane3} -> "),
            format!("{sub1} process {lane2} -> {task5}"),
            format!("{task5} process {lane2} -> {end2}, {task2}"),
            format!("{end2} end {lane2} -> "),
            format!("{task2} process {lane1} -> {end1}"),
            format!("{end1} end {lane1} -> "),
            format!("{start2} start {lane2} -> {task3}"),
        ]
    );
    assert_eq!(texts(&sop)[3], "Expanded Sub-Process 2");
    assert_eq!(sop.activities[3].notes.as_deref(), Some("BPMN subProcess"));
    assert!(warnings.0.is_empty(), "{warnings}");
}

#[test]
fn miwg_c_1_0_maps_a_message_start_an_event_based_gateway_and_yes_no_decisions() {
    let (sop, warnings) = read(&shared("miwg-C.1.0.bpmn"));
    let ta = "sid-744AEFB3-C93D-46A3-8976-EFA91784A51F";
    let pe = "Process Engine - Invoice Receipt";
    assert_eq!(
        actors(&sop),
        [
            format!("{ta} = Team-Assistant"),
            format!("Approver = {pe} / Approver"),
            format!("teamAssistant = {pe} / Team Assistant"),
            format!("Accountant = {pe} / Accountant"),
        ]
    );
    let received = "sid-36EA43D1-0FE6-4197-AC57-7A43785B784B";
    let scan = "sid-05039C4F-59F7-4CBD-8C84-D35E27C7B5EF";
    let archive = "sid-CFAC8502-0E69-4F08-BE36-8499B8C0FA44";
    let end_timeout = "sid-BC9AC0B6-1785-4E35-A974-7FEF1A586B9D";
    let to_be_assigned = "sid-40EC6574-E644-425C-8CE7-EE384F0C3520";
    let assign = "sid-64AFCE49-96A2-4A51-96CB-9DF689C37DAD";
    let gateway = "sid-F0D29912-929D-491C-8D23-73BD80CF980A";
    let review_needed = "sid-B548B980-12E3-408E-9AC4-7031B85A8F2D";
    let review = "sid-6FC20E19-AF3A-4A77-8588-2D671C98D93D";
    let seven_days = "sid-0E349B8B-14A7-4565-988A-38F3A9B624D2";
    let end_reviewed = "sid-282524E6-660F-431D-8F19-1C3E9E9DE817";
    // The engine's start event receives a message: a hand-over (process),
    // not a start. The event-based gateway's outcomes are unnamed: their
    // labels are the targets' texts.
    assert_eq!(
        rows(&sop),
        [
            format!("{received} start {ta} -> {scan}"),
            format!("{scan} process {ta} -> {archive}, StartEvent_1"),
            "StartEvent_1 process teamAssistant -> assignApprover".to_owned(),
            format!("{archive} process {ta} -> {to_be_assigned}"),
            format!("{to_be_assigned} process {ta} -> {assign}"),
            format!("{assign} process {ta} -> {gateway}, assignApprover"),
            format!("assignApprover process teamAssistant -> approveInvoice, {to_be_assigned}"),
            format!(
                "{gateway} decision {ta} -> 7 days={seven_days}, Invoice review needed={review_needed}"
            ),
            format!("{seven_days} process {ta} -> {end_timeout}"),
            format!("{end_timeout} end {ta} -> "),
            format!("{review_needed} process {ta} -> {review}"),
            format!("{review} process {ta} -> {end_reviewed}, reviewInvoice"),
            format!("reviewInvoice process teamAssistant -> reviewSuccessful_gw, {review_needed}"),
            "reviewSuccessful_gw decision teamAssistant -> yes:approveInvoice, no:invoiceNotProcessed"
                .to_owned(),
            "invoiceNotProcessed end teamAssistant -> ".to_owned(),
            "approveInvoice process Approver -> invoice_approved".to_owned(),
            "invoice_approved decision Approver -> yes:prepareBankTransfer, no:reviewInvoice"
                .to_owned(),
            "prepareBankTransfer process Accountant -> archiveInvoice".to_owned(),
            "archiveInvoice process Accountant -> invoiceProcessed".to_owned(),
            "invoiceProcessed end Accountant -> ".to_owned(),
            format!("{end_reviewed} end {ta} -> "),
        ]
    );
    // Names keep their words, line breaks collapsed; unnamed steps get a
    // word for their type.
    assert_eq!(texts(&sop)[17], "Prepare Bank Transfer");
    assert_eq!(texts(&sop)[7], "Keputusan?");
    assert_eq!(texts(&sop)[9], "Selesai");
    // The unnamed decision is reported with its id and place.
    let w: Vec<_> = warnings.0.iter().collect();
    assert_eq!(w.len(), 1, "{warnings}");
    assert_eq!(w[0].code, Code::BpmnConstruct);
    assert!(w[0].message.contains(gateway), "{}", w[0].message);
    assert_eq!((w[0].line, w[0].column), (Some(206), Some(5)));
}

#[test]
fn each_shared_model_validates_and_lays_out_without_a_violation() {
    for name in [
        "c8-absence-request.bpmn",
        "miwg-A.4.1.bpmn",
        "miwg-C.1.0.bpmn",
    ] {
        let imported =
            import::read_bytes(shared(name), Format::Bpmn, &ImportOptions::default()).unwrap();
        let (procedure, _) = imported
            .into_procedure()
            .unwrap_or_else(|d| panic!("{name}: {d}"));
        let layout =
            sopflow::layout::layout(&procedure, &sopflow::config::Config::default()).unwrap();
        assert_eq!(sopflow::layout::verify(&layout), vec![], "{name}");
        assert_eq!(
            common::labels_not_owned(&layout),
            Vec::<String>::new(),
            "{name}"
        );
    }
}

#[test]
fn a_lane_grows_past_the_widest_lane_for_a_side_label_when_the_text_columns_have_room() {
    // c8, "Approval Result?": "clarification needed" leaves by the right
    // vertex. In a lane of the widest width (104 pt) it rose over the
    // diamond's corner, 4 pt from connector 1's line into the top; the
    // lane grows to hold its longest word beside the vertex instead.
    let imported = import::read_bytes(
        shared("c8-absence-request.bpmn"),
        Format::Bpmn,
        &ImportOptions::default(),
    )
    .unwrap();
    let (procedure, _) = imported.into_procedure().unwrap();
    let config = sopflow::config::Config::default();
    let layout = sopflow::layout::layout(&procedure, &config).unwrap();
    let flow = layout
        .pages
        .iter()
        .flat_map(|p| &p.flows)
        .find(|f| {
            f.label
                .as_ref()
                .is_some_and(|l| &*l.lines[0].text == "clarification")
        })
        .expect("the labelled outcome");
    let label = &flow.label.as_ref().unwrap().rect;
    assert!(flow.points[0].y == flow.points[1].y, "{:?}", flow.points);
    let lane = layout
        .columns
        .iter()
        .find(|c| c.x <= flow.points[0].x && flow.points[0].x <= c.x + c.width)
        .unwrap();
    assert!(lane.width > config.table.lane_max_width, "{}", lane.width);
    assert!(label.x >= lane.x && label.right() <= lane.x + lane.width);
    assert!(
        label.x > flow.points[0].x,
        "beside the vertex, clear of the diamond"
    );
}

/// A model with the BPMN namespace on the prefix `semantic` (elements are
/// matched by namespace, not by prefix).
fn model(body: &str) -> Vec<u8> {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <semantic:definitions xmlns:semantic=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" \
         xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" \
         xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\" id=\"d\">\n{}\n</semantic:definitions>\n",
        body.replace("<b:", "<semantic:").replace("</b:", "</semantic:")
    )
    .into_bytes()
}

fn warning_messages(warnings: &Diagnostics) -> Vec<String> {
    warnings.0.iter().map(|d| d.message.clone()).collect()
}

#[test]
fn nested_lanes_are_flattened_depth_first_with_their_parent_as_group() {
    let (sop, _) = read(&model(
        r#"<b:process id="p" name="Layanan">
          <b:laneSet><b:lane id="L1" name="Bidang">
            <b:childLaneSet>
              <b:lane id="L11" name="Kepala"><b:flowNodeRef>s</b:flowNodeRef></b:lane>
              <b:lane id="L12"><b:flowNodeRef>t</b:flowNodeRef></b:lane>
            </b:childLaneSet>
            <b:flowNodeRef>u</b:flowNodeRef>
          </b:lane>
          <b:lane id="L2" name="Kepala"/>
          <b:lane id="L3" name="Arsip"/></b:laneSet>
          <b:startEvent id="s"/><b:task id="t" name="Periksa"/><b:task id="u" name="Catat"/>
          <b:task id="v" name="Simpan"/><b:endEvent id="e"/>
          <b:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
          <b:sequenceFlow id="f2" sourceRef="t" targetRef="u"/>
          <b:sequenceFlow id="f3" sourceRef="u" targetRef="v"/>
          <b:sequenceFlow id="f4" sourceRef="v" targetRef="e"/>
        </b:process>
        <bpmndi:BPMNDiagram><bpmndi:BPMNPlane>
          <bpmndi:BPMNShape bpmnElement="L3"><dc:Bounds x="0" y="300" width="600" height="100"/></bpmndi:BPMNShape>
          <bpmndi:BPMNShape bpmnElement="v"><dc:Bounds x="100" y="320" width="100" height="60"/></bpmndi:BPMNShape>
        </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>"#,
    ));
    // One pool: no pool group. The unnamed leaf takes its parent's name;
    // the second "Kepala" is numbered.
    assert_eq!(
        actors(&sop),
        [
            "L11 = Bidang / Kepala",
            "L12 = Bidang",
            "L2 = Kepala (2)",
            "L3 = Arsip"
        ]
    );
    // `u` is listed by the parent lane only: its first leaf. `v` by no
    // lane: the lane whose diagram bounds hold its centre. `e` by neither:
    // the pool's first lane.
    assert_eq!(
        rows(&sop),
        [
            "s start L11 -> t",
            "t process L12 -> u",
            "u process L11 -> v",
            "v process L3 -> e",
            "e end L11 -> ",
        ]
    );
}

#[test]
fn a_parallel_split_is_removed_unless_a_decision_leads_into_it() {
    let (sop, _) = read(&model(
        r#"<b:process id="p" name="Unit">
          <b:startEvent id="s"/><b:task id="a" name="Terima"/>
          <b:parallelGateway id="fork"/><b:task id="b" name="Cek A"/><b:task id="c" name="Cek B"/>
          <b:parallelGateway id="join"/>
          <b:exclusiveGateway id="ok" name="Lengkap?"/>
          <b:parallelGateway id="fork2"/><b:task id="d" name="Kirim"/><b:task id="g" name="Arsip"/>
          <b:endEvent id="e1"/><b:endEvent id="e2"/><b:endEvent id="e3"/>
          <b:sequenceFlow id="f1" sourceRef="s" targetRef="a"/>
          <b:sequenceFlow id="f2" sourceRef="a" targetRef="fork"/>
          <b:sequenceFlow id="f3" sourceRef="fork" targetRef="b"/>
          <b:sequenceFlow id="f4" sourceRef="fork" targetRef="c"/>
          <b:sequenceFlow id="f5" sourceRef="b" targetRef="join"/>
          <b:sequenceFlow id="f6" sourceRef="c" targetRef="join"/>
          <b:sequenceFlow id="f7" sourceRef="join" targetRef="ok"/>
          <b:sequenceFlow id="f8" name="Ya" sourceRef="ok" targetRef="fork2"/>
          <b:sequenceFlow id="f9" name="Tidak" sourceRef="ok" targetRef="e1"/>
          <b:sequenceFlow id="f10" sourceRef="fork2" targetRef="d"/>
          <b:sequenceFlow id="f11" sourceRef="fork2" targetRef="g"/>
          <b:sequenceFlow id="f12" sourceRef="d" targetRef="e2"/>
          <b:sequenceFlow id="f13" sourceRef="g" targetRef="e3"/>
        </b:process>"#,
    ));
    assert_eq!(
        rows(&sop),
        [
            "s start p -> a",
            "a process p -> b, c",
            // Reverse post-order: the sibling searched last comes first.
            "c process p -> ok",
            "b process p -> ok",
            "ok decision p -> yes:fork2, no:e1",
            "e1 end p -> ",
            "fork2 process p -> d, g",
            "g process p -> e3",
            "e3 end p -> ",
            "d process p -> e2",
            "e2 end p -> ",
        ]
    );
    assert_eq!(actors(&sop), ["p = Unit"]);
    assert_eq!(texts(&sop)[6], "Percabangan paralel");
}

#[test]
fn boundary_events_links_messages_and_black_boxes_follow_the_mapping() {
    let (sop, warnings) = read(&model(
        r#"<b:collaboration id="c">
          <b:participant id="P1" name="Pemohon" processRef="p1"/>
          <b:participant id="P2" name="Dinas" processRef="p2"/>
          <b:participant id="Bank" name="Bank"/>
          <b:messageFlow id="m1" sourceRef="send" targetRef="s2"/>
          <b:messageFlow id="m2" sourceRef="reply" targetRef="P1"/>
          <b:messageFlow id="m3" sourceRef="Bank" targetRef="check"/>
        </b:collaboration>
        <b:process id="p1">
          <b:startEvent id="s1"/><b:task id="send" name="Kirim berkas"/><b:endEvent id="e1"/>
          <b:sequenceFlow id="a1" sourceRef="s1" targetRef="send"/>
          <b:sequenceFlow id="a2" sourceRef="send" targetRef="e1"/>
        </b:process>
        <b:process id="p2">
          <b:startEvent id="s2" name="Berkas diterima"><b:messageEventDefinition/></b:startEvent>
          <b:userTask id="check" name="Periksa berkas"/>
          <b:boundaryEvent id="late" attachedToRef="check"><b:timerEventDefinition><b:timeDuration>PT4H</b:timeDuration></b:timerEventDefinition></b:boundaryEvent>
          <b:boundaryEvent id="err" name="Berkas rusak" attachedToRef="check"><b:errorEventDefinition/></b:boundaryEvent>
          <b:intermediateThrowEvent id="go"><b:linkEventDefinition name="Lanjut"/></b:intermediateThrowEvent>
          <b:intermediateCatchEvent id="come"><b:linkEventDefinition name="Lanjut"/></b:intermediateCatchEvent>
          <b:task id="reply" name="Balas"/><b:endEvent id="e2"/>
          <b:task id="remind" name="Ingatkan petugas"/>
          <b:sequenceFlow id="b1" sourceRef="s2" targetRef="check"/>
          <b:sequenceFlow id="b2" sourceRef="check" targetRef="go"/>
          <b:sequenceFlow id="b3" sourceRef="come" targetRef="reply"/>
          <b:sequenceFlow id="b4" sourceRef="reply" targetRef="e2"/>
          <b:sequenceFlow id="b5" sourceRef="late" targetRef="remind"/>
          <b:sequenceFlow id="b6" sourceRef="remind" targetRef="check"/>
          <b:sequenceFlow id="b7" sourceRef="err" targetRef="e2"/>
        </b:process>"#,
    ));
    // The black-box pool "Bank" is no performer; message flows at a pool's
    // border are ignored.
    assert_eq!(actors(&sop), ["P1 = Pemohon", "P2 = Dinas"]);
    assert_eq!(
        rows(&sop),
        [
            "s1 start P1 -> send",
            "send process P1 -> e1, s2",
            "s2 process P2 -> check",
            "check process P2 -> go, Waktu habis=late, Berkas rusak=err",
            // The throwing link event leads to the catching one.
            "go process P2 -> come",
            "come process P2 -> reply",
            "reply process P2 -> e2",
            "err process P2 -> e2",
            "e2 end P2 -> ",
            "late process P2 -> remind",
            "remind process P2 -> check",
            "e1 end P1 -> ",
        ]
    );
    let late = &sop.activities[9];
    assert_eq!(late.text, "Waktu habis");
    assert_eq!(late.time.as_deref(), Some("4 jam"));
    assert_eq!(late.notes.as_deref(), Some("BPMN boundaryEvent (timer)"));
    assert!(warnings.0.is_empty(), "{warnings}");
}

#[test]
fn decisions_read_yes_and_no_from_their_flows_names_else_label_them() {
    let (sop, _) = read(&model(
        r#"<b:process id="p" name="U">
          <b:startEvent id="s"/>
          <b:exclusiveGateway id="g1" name="Lengkap?"/>
          <b:exclusiveGateway id="g2" name="Online?"/>
          <b:exclusiveGateway id="g3" name="Jenis?"/>
          <b:task id="t1" name="A"/><b:task id="t2" name="B"/><b:task id="t3" name="C"/>
          <b:endEvent id="e"/>
          <b:sequenceFlow id="f1" sourceRef="s" targetRef="g1"/>
          <b:sequenceFlow id="f2" sourceRef="g1" targetRef="g2"/>
          <b:sequenceFlow id="f3" name="TIDAK" sourceRef="g1" targetRef="e"/>
          <b:sequenceFlow id="f4" name="Online" sourceRef="g2" targetRef="g3"/>
          <b:sequenceFlow id="f5" name="yes" sourceRef="g2" targetRef="t1"/>
          <b:sequenceFlow id="f6" sourceRef="g3" targetRef="t2"><b:conditionExpression>${jenis == 'baru'}</b:conditionExpression></b:sequenceFlow>
          <b:sequenceFlow id="f7" sourceRef="g3" targetRef="t3"/>
          <b:sequenceFlow id="f8" sourceRef="t1" targetRef="e"/>
          <b:sequenceFlow id="f9" sourceRef="t2" targetRef="e"/>
          <b:sequenceFlow id="f10" sourceRef="t3" targetRef="e"/>
        </b:process>"#,
    ));
    let outcomes: Vec<String> = rows(&sop)
        .into_iter()
        .filter(|r| r.contains("decision"))
        .collect();
    assert_eq!(
        outcomes,
        [
            // Unlabelled beside "TIDAK": the unlabelled one is yes.
            "g1 decision p -> yes:g2, no:e",
            // "Online" is not yes or no: both outcomes keep their labels.
            "g2 decision p -> Online=g3, yes=t1",
            // No name: the condition, else the target's text.
            "g3 decision p -> ${jenis == 'baru'}=t2, C=t3",
        ]
    );
}

#[test]
fn data_annotations_documentation_and_timers_fill_the_mutu_baku_and_keterangan() {
    let (sop, _) = read(&model(
        r#"<b:process id="p" name="U">
          <b:dataObject id="do1" name="Formulir permohonan"/>
          <b:dataObjectReference id="r1" dataObjectRef="do1"/>
          <b:dataObjectReference id="r2" name="Surat izin"/>
          <b:dataStoreReference id="r3" name="Basis data SIMPEG"/>
          <b:startEvent id="s"/>
          <b:task id="t" name="Proses izin">
            <b:documentation>Periksa   keaslian
              dokumen.</b:documentation>
            <b:dataInputAssociation id="i1"><b:sourceRef>r1</b:sourceRef></b:dataInputAssociation>
            <b:dataOutputAssociation id="o1"><b:targetRef>r2</b:targetRef></b:dataOutputAssociation>
            <b:dataOutputAssociation id="o2"><b:targetRef>r3</b:targetRef></b:dataOutputAssociation>
          </b:task>
          <b:intermediateCatchEvent id="w"><b:timerEventDefinition><b:timeDuration>P2D</b:timeDuration></b:timerEventDefinition></b:intermediateCatchEvent>
          <b:endEvent id="e"/>
          <b:textAnnotation id="n1"><b:text>Paling lama 3 hari kerja.</b:text></b:textAnnotation>
          <b:association id="as1" sourceRef="t" targetRef="n1"/>
          <b:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
          <b:sequenceFlow id="f2" sourceRef="t" targetRef="w"/>
          <b:sequenceFlow id="f3" sourceRef="w" targetRef="e"/>
        </b:process>"#,
    ));
    let task = &sop.activities[1];
    assert_eq!(task.requirements, ["Formulir permohonan"]);
    assert_eq!(
        task.output.as_deref(),
        Some("Surat izin, Basis data SIMPEG")
    );
    assert_eq!(
        task.notes.as_deref(),
        Some("BPMN task\nPeriksa keaslian dokumen.\nPaling lama 3 hari kerja.")
    );
    let wait = &sop.activities[2];
    assert_eq!(
        (wait.text.as_str(), wait.time.as_deref()),
        ("Menunggu waktu", Some("2 hari"))
    );
    // No collaboration: the process is the pool, named after it.
    assert_eq!(actors(&sop), ["p = U"]);
}

#[test]
fn what_an_sop_cannot_say_is_carried_over_and_reported_by_element_id() {
    let (sop, warnings) = read(&model(
        r#"<b:process id="p" name="U">
          <b:startEvent id="s"/>
          <b:inclusiveGateway id="inc" name="Perlu apa?"/>
          <b:task id="a" name="Cetak"/><b:task id="b" name="Kirim"/>
          <b:exclusiveGateway id="anon"/>
          <b:endEvent id="e"/><b:endEvent id="e2"/>
          <b:task id="orphan" name="Tugas lepas"/>
          <b:task id="undo" name="Batalkan cetak" isForCompensation="true"/>
          <b:subProcess id="esp" triggeredByEvent="true">
            <b:startEvent id="es"/><b:endEvent id="ee"/>
            <b:sequenceFlow id="ef" sourceRef="es" targetRef="ee"/>
          </b:subProcess>
          <b:sequenceFlow id="f1" sourceRef="s" targetRef="inc"/>
          <b:sequenceFlow id="f2" name="Cetak" sourceRef="inc" targetRef="a"/>
          <b:sequenceFlow id="f3" name="Kirim" sourceRef="inc" targetRef="b"/>
          <b:sequenceFlow id="f4" sourceRef="a" targetRef="anon"/>
          <b:sequenceFlow id="f5" sourceRef="b" targetRef="e"/>
          <b:sequenceFlow id="f6" sourceRef="anon" targetRef="e"/>
          <b:sequenceFlow id="f7" sourceRef="anon" targetRef="e2"/>
        </b:process>"#,
    ));
    // The inclusive gateway is a decision with labelled outcomes; the
    // unconnected task, the compensation and the event sub-process are left
    // out (no flow at all).
    assert_eq!(
        sop.activities
            .iter()
            .map(|a| a.id.as_deref().unwrap())
            .collect::<Vec<_>>(),
        ["s", "inc", "b", "a", "anon", "e2", "e"]
    );
    let messages = warning_messages(&warnings);
    assert_eq!(messages.len(), 5, "{messages:#?}");
    for (id, words) in [
        ("inc", "gerbang inklusif"),
        ("anon", "tidak bernama"),
        ("orphan", "tidak terhubung"),
        ("undo", "kompensasi"),
        ("esp", "subproses peristiwa"),
    ] {
        assert!(
            messages.iter().any(|m| m.contains(id) && m.contains(words)),
            "{id}: {messages:#?}"
        );
    }
    assert!(
        warnings
            .0
            .iter()
            .all(|d| d.line.is_some() && d.column.is_some())
    );
}

fn refused(bytes: &[u8], options: &ImportOptions) -> sopflow::Diagnostic {
    let d = import::read_bytes(bytes.to_vec(), Format::Bpmn, options).expect_err("refused");
    assert_eq!(d.0.len(), 1, "{d}");
    d.0[0].clone()
}

#[test]
fn a_doctype_is_refused_with_its_place_and_never_expanded() {
    let bomb = b"<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>\n\
        <definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\">&lol2;</process></definitions>";
    let d = refused(bomb, &ImportOptions::default());
    assert_eq!(d.code, Code::XmlSyntax);
    assert_eq!((d.line, d.column), (Some(2), Some(1)));
    assert!(d.message.contains("DOCTYPE"), "{}", d.message);
}

#[test]
fn a_truncated_model_is_refused_with_its_line_and_column() {
    let whole = shared("c8-absence-request.bpmn");
    let d = refused(&whole[..whole.len() / 2], &ImportOptions::default());
    assert_eq!(d.code, Code::XmlSyntax);
    assert!(d.line.is_some_and(|l| l > 1), "{d:?}");
    assert!(d.message.starts_with("model terpotong"), "{}", d.message);
    let english = ImportOptions {
        lang: sopflow::Lang::En,
        ..ImportOptions::default()
    };
    let d = refused(b"<definitions>\n  <process id='p'>\n  </task>", &english);
    assert_eq!(
        (d.code, d.line, d.column),
        (Code::XmlSyntax, Some(3), Some(3))
    );
    assert!(
        d.message.starts_with("not well-formed XML"),
        "{}",
        d.message
    );
}

#[test]
fn xml_that_is_not_bpmn_and_bytes_that_are_not_text_are_refused() {
    let d = refused(
        b"<?xml version=\"1.0\"?>\n  <definitions xmlns=\"http://example.com/other\"/>",
        &ImportOptions::default(),
    );
    assert_eq!(
        (d.code, d.line, d.column),
        (Code::NotBpmn, Some(2), Some(3))
    );
    let d = refused(b"%PDF-1.7\n\xff\xfe\xfa", &ImportOptions::default());
    assert_eq!(d.code, Code::XmlSyntax);
    assert!(d.message.contains("UTF-8"), "{}", d.message);
}

#[test]
fn the_resource_limits_apply() {
    let deep = format!(
        "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">{}{}</definitions>",
        "<a>".repeat(200),
        "</a>".repeat(200)
    );
    let d = refused(deep.as_bytes(), &ImportOptions::default());
    assert_eq!(d.code, Code::LimitExceeded);
    assert!(d.message.contains("128"), "{}", d.message);

    let wide = format!(
        "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">{}</definitions>",
        "<a/>".repeat(import::MAX_XML_NODES as usize + 1)
    );
    let d = refused(wide.as_bytes(), &ImportOptions::default());
    assert_eq!(d.code, Code::XmlSyntax);
    assert!(d.message.contains("simpul XML"), "{}", d.message);

    let few = ImportOptions {
        limits: sopflow::Limits {
            max_activities: 5,
            ..sopflow::Limits::default()
        },
        ..ImportOptions::default()
    };
    let d = refused(&shared("miwg-A.4.1.bpmn"), &few);
    assert_eq!(d.code, Code::LimitExceeded);
    let small = ImportOptions {
        limits: sopflow::Limits {
            max_input_bytes: 1000,
            ..sopflow::Limits::default()
        },
        ..ImportOptions::default()
    };
    assert_eq!(
        refused(&shared("miwg-A.4.1.bpmn"), &small).code,
        Code::LimitExceeded
    );
}

#[test]
fn validation_problems_after_import_name_the_element_line() {
    // A decision gateway whose two outcomes are one self-loop and one end:
    // validation refuses what the model says, at the gateway's line.
    let imported = import::read_bytes(
        model(
            r#"<b:process id="p" name="U">
          <b:startEvent id="s"/><b:task id="t" name="A"/>
          <b:endEvent id="e"/>
          <b:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
          <b:sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
        </b:process>
        <b:process id="q" name="Lain"><b:task id="x" name="Sendiri"/><b:task id="y" name="   "/>
          <b:sequenceFlow id="g" sourceRef="x" targetRef="y"/></b:process>"#,
        ),
        Format::Bpmn,
        &ImportOptions::default(),
    )
    .unwrap();
    let warnings = imported.into_procedure().unwrap().1;
    let unreachable = warnings
        .0
        .iter()
        .find(|d| d.code == Code::Unreachable)
        .expect("unreachable warning");
    assert_eq!(unreachable.line, Some(9), "{warnings}");
}

#[test]
fn a_gateway_left_with_one_outcome_is_a_process_and_validates() {
    // One outcome of the decision leads back into itself: it is left out,
    // and a decision with one outcome would not validate.
    let imported = import::read_bytes(
        model(
            r#"<b:process id="p" name="U">
          <b:startEvent id="s"/><b:exclusiveGateway id="g" name="Ulang?"/>
          <b:parallelGateway id="back"/><b:endEvent id="e"/>
          <b:sequenceFlow id="f1" sourceRef="s" targetRef="g"/>
          <b:sequenceFlow id="f2" sourceRef="g" targetRef="back"/>
          <b:sequenceFlow id="f3" sourceRef="back" targetRef="g"/>
          <b:sequenceFlow id="f4" sourceRef="g" targetRef="e"/>
        </b:process>"#,
        ),
        Format::Bpmn,
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(
        rows(&imported.sop),
        ["s start p -> g", "g process p -> e", "e end p -> "]
    );
    assert!(
        warning_messages(&imported.warnings)
            .iter()
            .any(|m| m.contains("g mengalir kembali ke dirinya sendiri")),
        "{}",
        imported.warnings
    );
    imported.into_procedure().unwrap();
}
