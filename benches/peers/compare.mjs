// sopflow against ELK layered and dagre on the same generated SOPs, in one
// run: the whole `sopflow layout` process (wall time of the command, JSON
// written), then each peer laying out the same graph in this Node process,
// and the crossings and bends of every drawing counted by one routine.
//
//   cd benches/peers && npm ci && npm run compare
//   npm run compare -- --sizes 1000,10000 --runs 3 --source shared
//
// --source crate (default) generates with `sopflow generate`; --source
// shared with ../shared/bench/gen_sop.py (the seeds of the shared figures).
// Not part of `cargo test` or CI: ELK alone takes tens of seconds.

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import ELK from "elkjs";
import dagre from "@dagrejs/dagre";
import { countCrossings, bends } from "./quality.mjs";
import { toGraph } from "./graph.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => {
    if (a.startsWith("--")) pairs.push([a.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const sizes = (args.sizes ?? "1000,10000").split(",").map(Number);
const runs = Number(args.runs ?? 3);
const source = args.source ?? "crate";
const peersUpTo = Number(args["peers-up-to"] ?? 10000);
const elkOrder = args["elk-order"] ?? "sweep";

console.error("building sopflow (release)...");
execFileSync("cargo", ["build", "--release", "--quiet"], { cwd: root, stdio: "inherit" });
const sopflow = join(root, "target/release/sopflow");
const work = mkdtempSync(join(tmpdir(), "sopflow-peers-"));

function documentOf(n) {
  const file = join(work, `sop_${n}.json`);
  if (source === "shared") {
    const gen = resolve(root, "../shared/bench/gen_sop.py");
    if (!existsSync(gen)) throw new Error(`${gen} not found (use --source crate)`);
    writeFileSync(file, execFileSync("python3", [gen, "--n", String(n), "--seed", "1"], { maxBuffer: 2 ** 30 }));
  } else {
    const lanes = n <= 30 ? 4 : n <= 2000 ? 8 : n <= 20000 ? 12 : 16;
    writeFileSync(
      file,
      execFileSync(sopflow, ["generate", "--activities", String(n), "--actors", String(lanes), "--seed", "1"], {
        maxBuffer: 2 ** 30,
      }),
    );
  }
  return file;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/// The whole command, as a user runs it; the drawing of the last run.
function runSopflow(file) {
  const times = [];
  let out;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    const child = spawnSync(sopflow, ["layout", file], { maxBuffer: 2 ** 30 });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (child.status !== 0) throw new Error(`sopflow layout failed: ${child.stderr}`);
    out = child.stdout;
  }
  const layout = JSON.parse(out.toString());
  // Each page is a drawing of its own: arrows never cross a page break.
  const drawings = layout.pages.map((page) => page.flows.map((f) => f.points.map(([x, y]) => ({ x, y }))));
  return { ms: median(times), drawings };
}

async function runElk(graph) {
  const elk = new ELK();
  const elkGraph = {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "DOWN",
      "elk.edgeRouting": "ORTHOGONAL",
      "elk.partitioning.activate": "true",
      // Lane positions are given; "interactive" keeps their order, the
      // default layer sweep may reorder to cross less (the shared figures).
      "elk.layered.crossingMinimization.strategy": elkOrder === "interactive" ? "INTERACTIVE" : "LAYER_SWEEP",
      "elk.spacing.nodeNode": "20",
    },
    children: graph.nodes.map((n) => ({
      id: n.id,
      width: 60,
      height: 30,
      x: n.lane * 120,
      y: n.row * 60,
      layoutOptions: { "elk.partitioning.partition": String(n.row) },
    })),
    edges: graph.edges.map((e, i) => ({ id: `e${i}`, sources: [e.from], targets: [e.to] })),
  };
  const t0 = process.hrtime.bigint();
  const result = await elk.layout(elkGraph);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const lines = (result.edges ?? []).flatMap((e) =>
    (e.sections ?? []).map((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]),
  );
  return { ms, drawings: [lines] };
}

function runDagre(graph) {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "TB", nodesep: 20, ranksep: 30 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) g.setNode(n.id, { width: 60, height: 30 });
  graph.edges.forEach((e, i) => g.setEdge(e.from, e.to, {}, `e${i}`));
  const t0 = process.hrtime.bigint();
  dagre.layout(g);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const lines = g.edges().map((e) => g.edge(e).points);
  return { ms, drawings: [lines] };
}

function figures(name, n, { ms, drawings }) {
  const crossings = drawings.reduce((sum, d) => sum + countCrossings(d), 0);
  const all = drawings.flat();
  const b = all.reduce((sum, line) => sum + bends(line), 0);
  return { name, n, ms, crossings, bendsPerFlow: all.length ? b / all.length : 0, flows: all.length };
}

const rows = [];
for (const n of sizes) {
  const file = documentOf(n);
  console.error(`${n} activities: sopflow...`);
  rows.push(figures("sopflow (whole `sopflow layout` process)", n, runSopflow(file)));
  if (n <= peersUpTo) {
    const graph = toGraph(JSON.parse(readFileSync(file, "utf8")));
    const peers = [
      [`ELK layered 0.12 (partition per row, ${elkOrder} order)`, () => runElk(graph)],
      ["dagre 3.1 (no lanes)", () => runDagre(graph)],
    ];
    for (const [name, run] of peers) {
      console.error(`${n} activities: ${name}...`);
      try {
        rows.push(figures(name, n, await run()));
      } catch (e) {
        rows.push({ name, n, failed: String(e.message ?? e).slice(0, 60) });
      }
    }
  }
}

const cpu = cpus();
console.log(
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu.length} × ${cpu[0]?.model ?? "?"}, ` +
    `node ${process.version}; documents: ${source === "shared" ? "gen_sop.py --seed 1" : "sopflow generate --seed 1"}; ` +
    `sopflow: median of ${runs} runs of the process; peers: one layout call each.\n`,
);
console.log("| engine | activities | time | crossings | bends per flow |");
console.log("|---|---|---|---|---|");
for (const r of rows) {
  if (r.failed) {
    console.log(`| ${r.name} | ${r.n.toLocaleString("en")} | failed: ${r.failed} | – | – |`);
    continue;
  }
  const time = r.ms >= 1000 ? `${(r.ms / 1000).toFixed(2)} s` : `${r.ms.toFixed(0)} ms`;
  console.log(`| ${r.name} | ${r.n.toLocaleString("en")} | ${time} | ${r.crossings} | ${r.bendsPerFlow.toFixed(2)} |`);
}
