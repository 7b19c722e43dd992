/**
 * Place names at the head of a department name ("四川省广元市青川县财政局"), checked against China's
 * administrative divisions (province → city → county, from the china-area-data package). OCR
 * misreads rare characters of place names (青川县 → 青州县); a department's identity across years
 * rests on its name, so an OCR'd name whose county (or city) is not a division of the parent it
 * names, while exactly one division there differs from it by one character, is corrected.
 *
 * Only below a parent that matched exactly: at the top level one character is too little to go on
 * (a made-up "X州市" is one character from some real city), and names of places the gazetteer does not know are
 * left as printed.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** A division's name → the names of the divisions under it. */
type Children = Map<string, Set<string>>;

interface Gazetteer {
  /** Provinces and cities: where a department name may start. */
  top: Set<string>;
  children: Children;
}

let cached: Gazetteer | undefined;

function gazetteer(): Gazetteer {
  if (cached) return cached;
  const data = require("china-area-data/v5/data.json") as Record<string, Record<string, string>>;
  const children: Children = new Map();
  const top = new Set<string>();
  const provinces = data["86"] ?? {};
  for (const [code, name] of Object.entries(provinces)) {
    top.add(name);
    for (const [cityCode, city] of Object.entries(data[code] ?? {})) {
      // Municipalities list their districts under a placeholder ("市辖区"), provinces their
      // directly administered counties under "省直辖县级行政区划".
      const placeholder = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(city);
      if (!placeholder) {
        top.add(city);
        add(children, name, city);
      }
      for (const county of Object.values(data[cityCode] ?? {})) {
        if (!placeholder) add(children, city, county);
        // A name may skip the city: "四川省青川县".
        add(children, name, county);
      }
    }
  }
  cached = { top, children };
  return cached;
}

function add(children: Children, parent: string, child: string): void {
  const set = children.get(parent) ?? new Set<string>();
  set.add(child);
  children.set(parent, set);
}

export interface PlaceCorrection {
  value: string;
  /** What was changed, e.g. "青州县 → 青川县". */
  change: string;
}

/** Divisions end with one of these; the ending itself is never the misread character. */
const DIVISION_END = /[省市区县州盟旗]$|自治区$|地区$/;

/**
 * The name with its leading place names checked, or undefined when nothing needed correcting (or
 * the name does not start with a known province or city).
 */
export function correctPlaceNames(name: string): PlaceCorrection | undefined {
  const g = gazetteer();
  let rest = name;
  let done = "";
  const first = longestPrefix(rest, g.top);
  if (!first) return undefined;
  done += first;
  rest = rest.slice(first.length);
  let parent = first;
  const changes: string[] = [];
  while (rest.length > 0) {
    const kids = g.children.get(parent);
    if (!kids) break;
    const exact = longestPrefix(rest, kids);
    if (exact) {
      done += exact;
      rest = rest.slice(exact.length);
      parent = exact;
      continue;
    }
    const near = [...kids].filter((k) => DIVISION_END.test(k) && k.length >= 3 && oneCharOff(rest, k));
    if (near.length !== 1) break;
    const fix = near[0]!;
    changes.push(`${rest.slice(0, fix.length)} → ${fix}`);
    done += fix;
    rest = rest.slice(fix.length);
    parent = fix;
  }
  if (changes.length === 0) return undefined;
  return { value: done + rest, change: changes.join(", ") };
}

function longestPrefix(s: string, names: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const n of names) if (s.startsWith(n) && n.length > (best?.length ?? 0)) best = n;
  return best;
}

/** `s` starts with `name` but for one character, which is not the division ending. */
function oneCharOff(s: string, name: string): boolean {
  if (s.length < name.length) return false;
  const head = s.slice(0, name.length);
  if (head.at(-1) !== name.at(-1)) return false;
  let diff = 0;
  for (let i = 0; i < name.length; i++) if (head[i] !== name[i]) diff++;
  return diff === 1 && /^[\u4e00-\u9fff]+$/.test(head);
}
