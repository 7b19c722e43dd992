import { type GrayImage, INK_THRESHOLD } from "./gray-image.js";

/** A local copy: test runners rewrite imported bindings into property reads, slow in pixel loops. */
const INK = INK_THRESHOLD;

/**
 * 8-connected ink components of a binarised image, built from horizontal runs with union–find: the
 * work and memory grow with the number of runs, not pixels, which on a page is 10–50× fewer.
 */
export interface InkComponents {
  /** Run i covers pixels [a[i], b[i]) of row y[i]. */
  y: Int32Array;
  a: Int32Array;
  b: Int32Array;
  /** Component of each run, 0 … count − 1. */
  label: Int32Array;
  runs: number;
  count: number;
  /** Per component: ink pixels and bounding box [x0, x1) × [y0, y1). */
  area: Int32Array;
  x0: Int32Array;
  x1: Int32Array;
  y0: Int32Array;
  y1: Int32Array;
}

export function inkComponents(bin: GrayImage): InkComponents {
  const { width: w, height: h, data } = bin;
  let cap = 1024;
  let ys = new Int32Array(cap);
  let as = new Int32Array(cap);
  let bs = new Int32Array(cap);
  let parent = new Int32Array(cap);
  let n = 0;
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    let j = i;
    while (parent[j] !== root) {
      const next = parent[j]!;
      parent[j] = root;
      j = next;
    }
    return root;
  };
  let prevStart = 0;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const curStart = n;
    let x = 0;
    while (x < w) {
      if (data[row + x]! >= INK) {
        x++;
        continue;
      }
      const start = x;
      while (x < w && data[row + x]! < INK) x++;
      if (n === cap) {
        cap *= 2;
        ys = grow(ys, cap);
        as = grow(as, cap);
        bs = grow(bs, cap);
        parent = grow(parent, cap);
      }
      ys[n] = y;
      as[n] = start;
      bs[n] = x;
      parent[n] = n;
      n++;
    }
    // Runs of adjacent rows touch (8-connectivity) when they overlap after widening by one pixel.
    let p = prevStart;
    for (let c = curStart; c < n; c++) {
      const ca = as[c]!;
      const cb = bs[c]!;
      while (p < curStart && bs[p]! < ca) p++;
      for (let q = p; q < curStart && as[q]! <= cb; q++) {
        const rq = find(q);
        const rc = find(c);
        if (rq !== rc) parent[Math.max(rq, rc)] = Math.min(rq, rc);
      }
    }
    prevStart = curStart;
  }
  const label = new Int32Array(n);
  let count = 0;
  // Roots have the smallest index of their component, so they are met before their members.
  for (let i = 0; i < n; i++) label[i] = find(i) === i ? count++ : label[find(i)]!;
  const area = new Int32Array(count);
  const x0 = new Int32Array(count).fill(w);
  const x1 = new Int32Array(count);
  const y0 = new Int32Array(count).fill(h);
  const y1 = new Int32Array(count);
  for (let i = 0; i < n; i++) {
    const c = label[i]!;
    area[c]! += bs[i]! - as[i]!;
    if (as[i]! < x0[c]!) x0[c] = as[i]!;
    if (bs[i]! > x1[c]!) x1[c] = bs[i]!;
    if (ys[i]! < y0[c]!) y0[c] = ys[i]!;
    if (ys[i]! + 1 > y1[c]!) y1[c] = ys[i]! + 1;
  }
  return { y: ys, a: as, b: bs, label, runs: n, count, area, x0, x1, y0, y1 };
}

function grow(arr: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(arr);
  return next;
}
