/** The selfeval command line. */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { runCompare } from "../compare/run-compare.js";
import { OutputPathError } from "../export/atomic-output.js";
import { defaultOcrEngine, OCR_ENGINES, type OcrEngineName } from "../ocr/engine.js";
import type { WorkerOptions } from "../queue/worker.js";
import { runReport } from "../report/run-report.js";
import { runCorrect, runReview } from "../review/review-command.js";
import { VERSION } from "../version.js";
import {
  type CheckCliOptions,
  type IngestCliOptions,
  runAll,
  runCheck,
  runExport,
  runIngest,
  runSchema,
  runShow,
} from "./commands.js";
import { EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, fileErrorLine, fsErrorLine, UserError } from "./errors.js";
import { inspectJson, inspectText, paragraphsText } from "./inspect.js";
import { defaultContext, processFile } from "./load-document.js";
import { setVerbosity, verbosity } from "./verbosity.js";

const program = new Command();
program
  .name("selfeval")
  .description("Budget performance self-evaluation reports (绩效自评报告) from PDF to a checked dataset")
  .version(VERSION)
  .option("-q, --quiet", "print only errors and the results asked for (no progress or summary lines)")
  .option(
    "-v, --verbose",
    "print details too (info findings, timings) and a stack trace on an unexpected error",
  )
  .exitOverride()
  .hook("preAction", (_program, action) => setVerbosity(action.optsWithGlobals()));

program.addHelpText(
  "after",
  `
Examples:
  $ selfeval run reports/ --out output        ingest, check, export CSVs and write output/report.html
  $ selfeval ingest reports/2023 --ocr never  add a folder of text PDFs to output/selfeval.db
  $ selfeval check --fail-on warning --json   findings as JSON; exit 1 when there is a warning or error
  $ selfeval compare --year 2023 --sort -execution_rate_pct
  $ selfeval show 8c99                         one report by a short id prefix (or give the PDF)

Exit status: 0 ok; 1 some files failed or were partial, an output could not be written, or (check)
findings at the --fail-on level; 2 usage error. The README lists the CSV columns (docs/csv.md).`,
);

const DEFAULT_DB = "output/selfeval.db";
/** `--db`: a SQLite file or a postgres:// URL, also from SELFEVAL_DB. */
const dbOption = (): Option =>
  new Option("--db <file|url>", "SQLite database file or postgres:// URL")
    .env("SELFEVAL_DB")
    .default(DEFAULT_DB);
const positiveNumber = (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a positive number");
  return n;
};
const positiveInt = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive whole number");
  return n;
};

const ocrOption = (): Option =>
  new Option("--ocr <mode>", "OCR for pages without a usable text layer")
    .choices(["auto", "always", "never"])
    .default("auto");

/** --ocr-engine, on every command that reads PDFs (default: measured best, src/ocr/engine.ts). */
const ocrEngineOption = (): Option =>
  new Option(
    "--ocr-engine <engine>",
    "OCR engine: PP-OCR, tesseract.js, or PP-OCR cross-checked by tesseract",
  )
    .choices([...OCR_ENGINES])
    .default(defaultOcrEngine());

/** The options of reading PDFs, shared by `ingest` and `run`. */
function withIngestOptions(cmd: Command): Command {
  return cmd
    .option("--force", "re-extract files already in the database")
    .option("--password <password>", "password for encrypted PDFs")
    .addOption(ocrOption())
    .addOption(ocrEngineOption())
    .option("--json", "one JSON line per finished file on stdout")
    .option("--timeout <seconds>", "give up on a document after this long", positiveNumber, 600)
    .option(
      "--max-image-megapixels <n>",
      "refuse files holding page images larger than this (compressed streams: 3 bytes a pixel at most)",
      positiveNumber,
      40,
    )
    .option(
      "--max-memory <mb>",
      "memory one document may use (its reader process) before it fails alone",
      positiveInt,
      768,
    )
    .option("--max-pages <n>", "refuse documents with more pages", positiveInt, 2000)
    .option("--concurrency <n>", "documents processed at once (default: CPU cores)", positiveInt)
    .option("--ocr-workers <n>", "OCR worker threads shared by the batch (default: CPU cores)", positiveInt);
}

const failOnOption = (fallback: string): Option =>
  new Option("--fail-on <severity>", "exit 1 when a finding of this severity or worse is found (none: never)")
    .choices(["error", "warning", "none"])
    .default(fallback);

program
  .command("inspect")
  .description("show what the reader sees in one PDF: pages and their kind, headings, tables")
  .argument("<file>", "a PDF file")
  .option("--json", "print one JSON object")
  .option("--paragraphs", "print the text in reading order, one paragraph per line")
  .option("--password <password>", "password for an encrypted PDF")
  .addOption(ocrOption())
  .addOption(ocrEngineOption())
  .addHelpText(
    "after",
    `
Examples:
  $ selfeval inspect report.pdf               page kinds, heading tree and tables
  $ selfeval inspect scan.pdf --json > layout.json`,
  )
  .action(
    async (
      file: string,
      opts: {
        json?: boolean;
        paragraphs?: boolean;
        password?: string;
        ocr: "auto" | "always" | "never";
        ocrEngine: OcrEngineName;
      },
    ) => {
      const result = await processFile(
        file,
        undefined,
        defaultContext({ password: opts.password, ocr: opts.ocr, ocrEngine: opts.ocrEngine }),
      );
      if (result.status === "failed") {
        throw new UserError(
          fileErrorLine(file, result.failure!.message, result.failure!.hint),
          EXIT_SOME_FAILED,
          result.failure!.code,
        );
      }
      const text = opts.json
        ? JSON.stringify(inspectJson(result))
        : opts.paragraphs
          ? paragraphsText(result)
          : inspectText(result);
      process.stdout.write(`${text}\n`);
    },
  );

withIngestOptions(
  program
    .command("ingest")
    .description(
      "read PDFs (files or folders, recursively) into the database; a file already stored is skipped",
    )
    .argument("<paths...>", "PDF files or folders")
    .addOption(dbOption()),
)
  .addHelpText(
    "after",
    `
Examples:
  $ selfeval ingest reports/                          every PDF under reports/ into output/selfeval.db
  $ selfeval ingest a.pdf b.pdf --db audit.db --ocr never
  $ selfeval ingest scans/ --ocr-workers 2 --timeout 900 --json > ingest.jsonl`,
  )
  .action(async (paths: string[], opts: IngestCliOptions) => {
    process.exitCode = await runIngest(paths, opts);
  });

withIngestOptions(
  program
    .command("run")
    .description(
      "the main job: ingest PATHS, check, export the CSVs and write the HTML report into one folder",
    )
    .argument("<paths...>", "PDF files or folders")
    .option("--out <dir>", "output folder (database, CSVs, report.html)", "output"),
)
  .option("--aliases <file>", "JSON file of department aliases (see README)")
  .addOption(failOnOption("none"))
  .addHelpText(
    "after",
    `
Examples:
  $ selfeval run reports/ --out output        output/selfeval.db, the CSV files and output/report.html
  $ selfeval run reports/ --ocr never --fail-on error   exit 1 also when the checks find an error

Exit status: ingest's (1 when a file failed or was partial), or 1 for findings at --fail-on.`,
  )
  .action(
    async (paths: string[], opts: IngestCliOptions & { out: string; aliases?: string; failOn: string }) => {
      process.exitCode = await runAll(paths, {
        ...opts,
        failOn: opts.failOn as CheckCliOptions["failOn"],
      });
    },
  );

program
  .command("export")
  .description("write the CSV files of the export contract (columns: docs/csv.md, `selfeval schema --csv`)")
  .addOption(dbOption())
  .option("--out <dir>", "output folder", "output")
  .addHelpText(
    "after",
    `
Examples:
  $ selfeval export --out csv/                reports.csv, budget_lines.csv, … replaced as one set`,
  )
  .action(async (opts: { db: string; out: string }) => {
    process.exitCode = await runExport(opts.db, opts.out);
  });

program
  .command("show")
  .description("one report with the page and printed text behind every value")
  .argument("<report>", "report id (or a unique prefix of it, 4 characters or more) or a PDF file")
  .addOption(dbOption())
  .option("--json", "print the record as JSON")
  .option("--password <password>", "password for an encrypted PDF")
  .addHelpText(
    "after",
    `
Examples:
  $ selfeval show 8c99                        the stored report whose id starts with 8c99
  $ selfeval show report.pdf --json           a stored file's record (or extracted on the fly)`,
  )
  .action(async (target: string, opts: { db: string; json?: boolean; password?: string }) => {
    process.exitCode = await runShow(target, opts);
  });

program
  .command("check")
  .description(
    "run the discrepancy rules over the database (within reports, across years, across departments)",
  )
  .addOption(dbOption())
  .option("--aliases <file>", "JSON file of department aliases (see README)")
  .addOption(failOnOption("error"))
  .option("--json", "print the findings as one JSON object (numbers as numbers)")
  .addHelpText(
    "after",
    `
Examples:
  $ selfeval check                            summary, then every error and warning; exit 1 on an error
  $ selfeval check --fail-on warning          exit 1 on a warning too (none: always 0)
  $ selfeval check --json > findings.json     { summary, findings: [...] }

Exit status: 1 when a finding at the --fail-on level (default: error) is found, else 0.`,
  )
  .action(async (opts: CheckCliOptions) => {
    process.exitCode = await runCheck(opts);
  });

program
  .command("review")
  .description(
    "the values to verify first: doubtful OCR readings, figures findings rest on, statements that disagree",
  )
  .addOption(dbOption())
  .option("--report <report>", "only this report (id, id prefix or file name)")
  .option("--limit <n>", "list at most this many", positiveInt)
  .option("--json", "print the list as JSON")
  .option("--csv <file>", "write the list as a corrections CSV to fill in (then `selfeval correct --import`)")
  .option("--min-confidence <percent>", "OCR readings below this confidence are doubtful", positiveNumber)
  .option("--aliases <file>", "JSON file of department aliases (see README)")
  .addHelpText(
    "after",
    "\nExamples:\n  selfeval review --limit 20\n  selfeval review --csv output/to-verify.csv   # fill value and reason in Excel, then:\n  selfeval correct --import output/to-verify.csv",
  )
  .action(
    async (opts: {
      db: string;
      report?: string;
      limit?: number;
      json?: boolean;
      csv?: string;
      minConfidence?: number;
      aliases?: string;
    }) => {
      process.exitCode = await runReview(opts);
    },
  );

program
  .command("correct")
  .description(
    "record a correction of one value (who, when, why); it is applied over every later reading and the checks run again",
  )
  .argument("[report]", "report id, id prefix or file name")
  .argument(
    "[field]",
    "field path, as `selfeval review` lists it (budget_total, staff.in_service, income:事业收入 …)",
  )
  .argument("[value]", "the right value (amounts in 万元 or with their unit; the reading itself confirms it)")
  .addOption(dbOption())
  .option("--reason <text>", "why (required)")
  .option("--by <name>", "who corrects (default: $SELFEVAL_USER or the login name)")
  .option("--revert", "withdraw the correction in force for this field")
  .option("--import <file>", "record the filled rows of a corrections CSV (from `selfeval review --csv`)")
  .option("--aliases <file>", "JSON file of department aliases (see README)")
  .option("--quiet", "print only the summary")
  .addHelpText(
    "after",
    '\nExamples:\n  selfeval correct 6915c6c4 budget_total 8602.62 --reason "对照原件第3页"\n  selfeval correct scan.pdf staff.in_service 55 --reason "确认无误"\n  selfeval correct 6915c6c4 budget_total --revert --reason "误改"\n  selfeval correct --import output/to-verify.csv --by 张三',
  )
  .action(
    async (
      report: string | undefined,
      field: string | undefined,
      value: string | undefined,
      opts: {
        db: string;
        reason?: string;
        by?: string;
        revert?: boolean;
        import?: string;
        aliases?: string;
        quiet?: boolean;
      },
    ) => {
      process.exitCode = await runCorrect(report, field, value, opts);
    },
  );

program
  .command("report")
  .description(
    "write the auditor's report: one self-contained HTML file with findings, page evidence and charts",
  )
  .addOption(dbOption())
  .option("--out <file>", "HTML file to write", "output/report.html")
  .addHelpText(
    "after",
    `
Examples:
  $ selfeval report --out audit/report.html   open it in a browser; it prints on A4`,
  )
  .action(async (opts: { db: string; out: string }) => {
    process.exitCode = await runReport(opts);
  });

program
  .command("compare")
  .description(
    "compare departments of a year (or the years of one department): budget, execution, score, findings",
  )
  .addOption(dbOption())
  .option("--year <year>", "fiscal year", positiveInt)
  .option("--department <name>", "one department: one row per year")
  .addOption(
    new Option("--format <format>", "output format").choices(["table", "csv", "json"]).default("table"),
  )
  .option("--sort <column>", "sort by a column (prefix - for descending)")
  .option("--out <file>", "write to a file instead of stdout")
  .addHelpText(
    "after",
    `
Examples:
  $ selfeval compare --year 2023 --sort -execution_rate_pct
  $ selfeval compare --department 卫生健康局 --format json   one row per year, numbers as JSON numbers
  $ selfeval compare --format csv --out compare.csv`,
  )
  .action(
    async (opts: {
      db: string;
      year?: number;
      department?: string;
      format: "table" | "csv" | "json";
      sort?: string;
      out?: string;
    }) => {
      process.exitCode = await runCompare(opts);
    },
  );

program
  .command("schema")
  .description(
    "print the JSON Schema of the report record (generated from the zod schemas), or with --csv the documentation of every CSV column",
  )
  .option("--csv", "document the CSV files instead (Markdown; docs/csv.md is this output)")
  .addHelpText(
    "after",
    `
Examples:
  $ selfeval schema > report.schema.json
  $ selfeval schema --csv > docs/csv.md`,
  )
  .action((opts: { csv?: boolean }) => {
    process.exitCode = runSchema(opts);
  });

// The job queue on PostgreSQL (src/queue): enqueue files, run workers on many machines, watch.
program
  .command("enqueue")
  .description("queue PDFs (files or folders) for workers: one job per file, keyed by its SHA-256")
  .argument("<paths...>", "PDF files or folders (on a folder every worker machine sees at the same path)")
  .addOption(dbOption())
  .option("--upload", "store the files' bytes in PostgreSQL, for workers without the shared folder")
  .option("--tries <n>", "tries before a file ends failed", positiveInt, 3)
  .option("--lease <seconds>", "a worker not heard from this long is taken to be gone", positiveInt, 60)
  .option("--retry-delay <seconds>", "wait before a failed try is tried again", positiveNumber, 5)
  .option("--retry-failed", "queue files that failed their tries again")
  .option("--json", "print the counts as one JSON object")
  .action(
    async (
      paths: string[],
      opts: {
        db: string;
        upload?: boolean;
        tries: number;
        lease: number;
        retryDelay: number;
        retryFailed?: boolean;
        json?: boolean;
      },
    ) => {
      const { runEnqueue } = await import("../queue/enqueue.js");
      process.exitCode = await runEnqueue(paths, {
        ...opts,
        leaseSeconds: opts.lease,
        retryDelaySeconds: opts.retryDelay,
      });
    },
  );

program
  .command("worker")
  .description("take jobs from the queue and store their reports; run one or more on every machine")
  .addOption(dbOption())
  .option("--concurrency <n>", "documents read at once", positiveInt, 1)
  .option("--ocr-workers <n>", "OCR worker threads (default: CPU cores)", positiveInt)
  .option("--exit-when-idle", "exit when no job is queued, running or waiting for a retry")
  .addOption(
    new Option("--ocr <mode>", "OCR for pages without a usable text layer")
      .choices(["auto", "always", "never"])
      .default("auto"),
  )
  .addOption(ocrEngineOption())
  .option("--timeout <seconds>", "give up on a document after this long", positiveNumber, 600)
  .option("--max-image-megapixels <n>", "refuse to decode page images larger than this", positiveNumber, 100)
  .option("--max-pages <n>", "refuse documents with more pages", positiveInt, 2000)
  .option("--password <password>", "password for encrypted PDFs")
  .option("--poll <seconds>", "wait between looks at an empty queue", positiveNumber, 2)
  .option("--lease-check <seconds>", "how often expired leases are looked for", positiveInt, 30)
  .action(
    async (
      opts: Omit<WorkerOptions, "pollSeconds" | "leaseCheckSeconds"> & { poll: number; leaseCheck: number },
    ) => {
      const { runWorker } = await import("../queue/worker.js");
      const { poll, leaseCheck, ...rest } = opts;
      process.exitCode = await runWorker({ ...rest, pollSeconds: poll, leaseCheckSeconds: leaseCheck });
    },
  );

program
  .command("status")
  .description("the queue: jobs queued/active/done/failed, pages per minute, ETA, failed files, workers")
  .addOption(dbOption())
  .option("--json", "print one JSON object")
  .action(async (opts: { db: string; json?: boolean }) => {
    const { runStatus } = await import("../queue/status.js");
    process.exitCode = await runStatus(opts);
  });

// Commander's own errors (unknown option, missing argument) get the same one-line shape as ours,
// with where to look.
for (const cmd of [program, ...program.commands]) {
  const name = cmd === program ? "selfeval" : `selfeval ${cmd.name()}`;
  cmd.configureOutput({
    outputError: (s, write) =>
      write(`selfeval: ${s.replace(/^error: /, "").trimEnd()} — see \`${name} --help\`\n`),
  });
}

export async function main(argv: string[]): Promise<number> {
  try {
    process.exitCode = undefined;
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (
        err.code === "commander.helpDisplayed" ||
        err.code === "commander.version" ||
        err.code === "commander.help"
      )
        return EXIT_OK;
      return EXIT_USAGE;
    }
    if (err instanceof UserError) {
      process.stderr.write(`selfeval: ${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof OutputPathError) {
      process.stderr.write(`selfeval: ${err.message}\n`);
      return EXIT_USAGE;
    }
    const fsLine = fsErrorLine(err);
    if (fsLine) {
      process.stderr.write(`selfeval: ${fsLine}\n`);
      if (verbosity() === "verbose") process.stderr.write(`${(err as Error).stack}\n`);
      return EXIT_SOME_FAILED;
    }
    // A bug, not a user error: one line, the stack only when asked for.
    const message = ((err as Error)?.message ?? String(err)).split("\n")[0];
    process.stderr.write(
      verbosity() === "verbose"
        ? `selfeval: unexpected error: ${(err as Error)?.stack ?? err}\n`
        : `selfeval: unexpected error: ${message} — run again with --verbose for details, and report it\n`,
    );
    return EXIT_SOME_FAILED;
  }
}

// Output piped into `head` and the like: a closed pipe ends the program quietly, as for any
// Unix tool, instead of with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}
process.exitCode = await main(process.argv);
