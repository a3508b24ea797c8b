// A sopflow/1 document as a plain graph (one node per activity, with its
// row and lane; one edge per outcome), following ../shared/sop-format.md:
// ids default to the row number, kinds to start/process/end, `next` to
// the following activity, a decision's `yes` to the following activity.

const pick = (o, ...names) => names.map((n) => o[n]).find((v) => v !== undefined);

export function toGraph(doc) {
  const actors = pick(doc, "actors", "pelaksana") ?? [];
  const activities = pick(doc, "activities", "kegiatan") ?? [];
  const laneOf = new Map();
  actors.forEach((a, i) => {
    const name = pick(a, "name", "nama");
    if (!laneOf.has(name)) laneOf.set(name, i);
    laneOf.set(a.id ?? name, i);
  });
  const ids = activities.map((a, i) => String(a.id ?? i + 1));
  const nodes = activities.map((a, row) => {
    const actor = pick(a, "actor", "pelaksana");
    const first = Array.isArray(actor) ? actor[0] : actor;
    return { id: ids[row], row, lane: laneOf.get(first) ?? 0 };
  });
  const kinds = { mulai: "start", proses: "process", keputusan: "decision", selesai: "end" };
  const edges = [];
  activities.forEach((a, row) => {
    const given = pick(a, "kind", "jenis");
    const kind = kinds[given] ?? given ?? (row === 0 ? "start" : row === activities.length - 1 ? "end" : "process");
    if (kind === "end") return;
    const following = ids[row + 1];
    const next = pick(a, "next", "lanjut");
    const yes = pick(a, "yes", "ya");
    const no = pick(a, "no", "tidak");
    const targets = [];
    if (kind === "decision" && (yes !== undefined || no !== undefined)) {
      const y = yes ?? (typeof next === "string" ? next : following);
      if (y !== undefined) targets.push(y);
      if (no !== undefined) targets.push(no);
    } else if (typeof next === "string") {
      targets.push(next);
    } else if (Array.isArray(next)) {
      for (const b of next) targets.push(typeof b === "string" ? b : b.to);
    } else if (following !== undefined) {
      targets.push(following);
    }
    for (const to of targets) edges.push({ from: ids[row], to: String(to) });
  });
  return { nodes, edges };
}
