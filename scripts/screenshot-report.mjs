#!/usr/bin/env node
/**
 * Developer aid, not a test: renders an HTML file in headless Chromium and saves a PNG, to see
 * that the report really renders (fonts, SVG charts, evidence images) without opening a browser.
 *
 *   node scripts/screenshot-report.mjs output/report.html [out.png] [--width 1400] [--height 3000]
 *
 * Chromium runs with a throw-away profile and with its background network features off; the
 * report itself makes no requests (its Content-Security-Policy forbids them).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const width = Number(option("--width", "1400"));
const height = Number(option("--height", "3000"));
const browser = option("--chromium", process.env.CHROMIUM ?? "/usr/bin/chromium");
const [input, output] = args;
if (!input || !Number.isInteger(width) || !Number.isInteger(height)) {
  process.stderr.write(
    "usage: node scripts/screenshot-report.mjs REPORT.html [OUT.png] [--width 1400] [--height 3000] [--chromium PATH]\n",
  );
  process.exit(2);
}
if (!existsSync(input)) {
  process.stderr.write(`${input}: no such file\n`);
  process.exit(1);
}
if (!existsSync(browser)) {
  process.stderr.write(
    `${browser}: Chromium not found (apt-get install chromium, or pass --chromium PATH)\n`,
  );
  process.exit(1);
}
const out = path.resolve(output ?? input.replace(/\.html?$/i, "") + ".png");
const profile = mkdtempSync(path.join(os.tmpdir(), "selfeval-chromium-"));
try {
  const r = spawnSync(
    browser,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--hide-scrollbars",
      `--user-data-dir=${profile}`,
      `--screenshot=${out}`,
      `--window-size=${width},${height}`,
      pathToFileURL(path.resolve(input)).href,
    ],
    { encoding: "utf8", timeout: 120_000 },
  );
  if (r.error) throw r.error;
  if (!existsSync(out) || statSync(out).size === 0) {
    process.stderr.write(`chromium wrote no screenshot (exit ${r.status})\n${r.stderr}`);
    process.exit(1);
  }
  process.stdout.write(`${out}\n`);
} finally {
  rmSync(profile, { recursive: true, force: true });
}
