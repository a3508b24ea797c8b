// One routine for every drawing: crossings and bends of polylines.
//
// A crossing is a point inside two segments of two different flows (a
// touch at an end, a fork or a merge, is a junction, not a crossing);
// collinear overlaps are not crossings. Bends are the corners of every
// drawn flow (its points less its two ends). Segments are bucketed in a
// grid so that 10,000-activity drawings are counted in seconds.

const EPS = 1e-6;

function properCross(a, b, c, d) {
  const orient = (p, q, r) => (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  return o1 * o2 < -EPS && o3 * o4 < -EPS;
}

export function countCrossings(lines) {
  const segments = [];
  lines.forEach((points, flow) => {
    for (let i = 0; i + 1 < points.length; i++) segments.push({ a: points[i], b: points[i + 1], flow });
  });
  if (segments.length === 0) return 0;
  const cell = 50;
  const grid = new Map();
  segments.forEach((s, k) => {
    const [x0, x1] = [Math.min(s.a.x, s.b.x), Math.max(s.a.x, s.b.x)].map((v) => Math.floor(v / cell));
    const [y0, y1] = [Math.min(s.a.y, s.b.y), Math.max(s.a.y, s.b.y)].map((v) => Math.floor(v / cell));
    for (let gx = x0; gx <= x1; gx++)
      for (let gy = y0; gy <= y1; gy++) {
        const key = `${gx},${gy}`;
        if (!grid.has(key)) grid.set(key, []);
        grid.get(key).push(k);
      }
  });
  const seen = new Set();
  let count = 0;
  for (const bucket of grid.values()) {
    for (let i = 0; i < bucket.length; i++)
      for (let j = i + 1; j < bucket.length; j++) {
        const [p, q] = bucket[i] < bucket[j] ? [bucket[i], bucket[j]] : [bucket[j], bucket[i]];
        const s = segments[p];
        const t = segments[q];
        if (s.flow === t.flow) continue;
        const key = p * segments.length + q;
        if (seen.has(key)) continue;
        seen.add(key);
        if (properCross(s.a, s.b, t.a, t.b)) count++;
      }
  }
  return count;
}

export const bends = (points) => Math.max(0, points.length - 2);
