/** `selfeval compare`: the comparison table of one year or one department, to stdout or a file. */
import { EXIT_OK, EXIT_USAGE, UserError } from "../cli/errors.js";
import { say, warn } from "../cli/verbosity.js";
import { ensureOutputFile, writeFileAtomic } from "../export/atomic-output.js";
import { missingStore, openStore } from "../store/store.js";
import { compareRows } from "./compare-rows.js";
import { type CompareFormat, formatCompare, parseSort, SortColumnError } from "./format-compare.js";

export interface CompareCommandOptions {
  db: string;
  year?: number;
  department?: string;
  format?: CompareFormat;
  sort?: string;
  out?: string;
}

export async function runCompare(opts: CompareCommandOptions): Promise<number> {
  if (await missingStore(opts.db))
    throw new UserError(`${opts.db}: no such database — run \`selfeval ingest\` first, or give --db`);
  const format = opts.format ?? "table";
  if (!["table", "csv", "json"].includes(format))
    throw new UserError(`unknown format "${format}"; use table, csv or json`, EXIT_USAGE);
  try {
    if (opts.sort) parseSort(opts.sort);
  } catch (err) {
    if (err instanceof SortColumnError) throw new UserError(err.message, EXIT_USAGE);
    throw err;
  }
  const db = await openStore(opts.db, { readonly: true });
  try {
    const rows = await compareRows(db, { year: opts.year, department: opts.department });
    if (rows.length === 0) {
      const what = [
        opts.department !== undefined ? `department matching "${opts.department}"` : "",
        opts.year !== undefined ? `fiscal year ${opts.year}` : "",
      ]
        .filter(Boolean)
        .join(" and ");
      warn(`no reports${what ? ` for ${what}` : ""} in ${db.location}`);
    }
    const text = formatCompare(rows, format, opts.sort);
    if (opts.out) {
      ensureOutputFile(opts.out, "--out", "compare.csv");
      writeFileAtomic(opts.out, text);
      say(`wrote ${rows.length} rows to ${opts.out}`);
    } else {
      process.stdout.write(text);
    }
    return EXIT_OK;
  } finally {
    await db.close();
  }
}
