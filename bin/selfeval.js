#!/usr/bin/env node
// The CLI runs the compiled build (dist/), made by `npm ci` through the `prepare` script.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const main = new URL("../dist/src/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write("selfeval: the build is missing (dist/) — run `npm ci` (or `npm run build`) in the project folder\n");
  process.exit(2);
}
try {
  await import(main.href);
} catch (e) {
  // A wrong entry in pipelines/ (a house style's definitions) fails as the CLI loads: one line
  // naming the file and key, not a stack trace.
  if (e?.name !== "DefinitionError") throw e;
  process.stderr.write(`selfeval: the definitions in pipelines/ do not load — ${e.message}\n`);
  process.exit(2);
}
