import path from "node:path";
/** The selfeval command line. */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { runCompare } from "../compare/run-compare.js";
import { runReport } from "../report/run-report.js";
import { VERSION } from "../version.js";
import { runAll, runCheck, runExport, runIngest, runSchema, runShow } from "./commands.js";
import { EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, fileErrorLine, UserError } from "./errors.js";
import { inspectJson, inspectText, paragraphsText } from "./inspect.js";
import { defaultContext, processFile } from "./load-document.js";

const program = new Command();
program
  .name("selfeval")
  .description("Budget performance self-evaluation reports (绩效自评报告) from PDF to a checked dataset")
  .version(VERSION)
  .exitOverride()
  .configureOutput({ outputError: (s, write) => write(`selfeval: ${s.replace(/^error: /, "")}`) });

program
  .command("inspect")
  .description("show what the reader sees in one PDF: pages and their kind, headings, tables")
  .argument("<file>", "a PDF file")
  .option("--json", "print one JSON object")
  .option("--paragraphs", "print the text in reading order, one paragraph per line")
  .option("--password <password>", "password for an encrypted PDF")
  .addOption(
    new Option("--ocr <mode>", "OCR for pages without a usable text layer")
      .choices(["auto", "always", "never"])
      .default("auto"),
  )
  .action(
    async (
      file: string,
      opts: { json?: boolean; paragraphs?: boolean; password?: string; ocr: "auto" | "always" | "never" },
    ) => {
      const result = await processFile(
        file,
        undefined,
        defaultContext({ password: opts.password, ocr: opts.ocr }),
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

program
  .command("ingest")
  .description(
    "read PDFs (files or folders, recursively) into the database; a file already stored is skipped",
  )
  .argument("<paths...>", "PDF files or folders")
  .addOption(dbOption())
  .option("--force", "re-extract files already in the database")
  .option("--password <password>", "password for encrypted PDFs")
  .addOption(
    new Option("--ocr <mode>", "OCR for pages without a usable text layer")
      .choices(["auto", "always", "never"])
      .default("auto"),
  )
  .option("--json", "one JSON line per finished file on stdout")
  .option("--timeout <seconds>", "give up on a document after this long", positiveNumber, 600)
  .option(
    "--max-image-megapixels <n>",
    "refuse to decode or render page images larger than this",
    positiveNumber,
    100,
  )
  .option("--max-pages <n>", "refuse documents with more pages", positiveInt, 2000)
  .option("--concurrency <n>", "documents processed at once (default: CPU cores)", positiveInt)
  .option("--ocr-workers <n>", "OCR worker threads shared by the batch (default: CPU cores)", positiveInt)
  .action(async (paths: string[], opts) => {
    process.exitCode = await runIngest(paths, opts);
  });

program
  .command("run")
  .description("the main job: ingest PATHS, check, export the CSVs and write the HTML report into one folder")
  .argument("<paths...>", "PDF files or folders")
  .option("--out <dir>", "output folder (database, CSVs, report.html)", "output")
  .option("--password <password>", "password for encrypted PDFs")
  .addOption(
    new Option("--ocr <mode>", "OCR for pages without a usable text layer")
      .choices(["auto", "always", "never"])
      .default("auto"),
  )
  .option("--aliases <file>", "JSON file of department aliases (see README)")
  .option("--force", "re-extract files already in the database")
  .action(
    async (
      paths: string[],
      opts: {
        out: string;
        password?: string;
        ocr: "auto" | "always" | "never";
        aliases?: string;
        force?: boolean;
      },
    ) => {
      process.exitCode = await runAll(paths, { ...opts, db: path.join(opts.out, "selfeval.db") });
    },
  );

program
  .command("export")
  .description("write the CSV files of the export contract")
  .addOption(dbOption())
  .option("--out <dir>", "output folder", "output")
  .action(async (opts: { db: string; out: string }) => {
    process.exitCode = await runExport(opts.db, opts.out);
  });

program
  .command("show")
  .description("one report with the page and printed text behind every value")
  .argument("<report>", "report id (or a unique prefix) or a PDF file")
  .addOption(dbOption())
  .option("--json", "print the record as JSON")
  .option("--password <password>", "password for an encrypted PDF")
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
  .option("--quiet", "print only the summary")
  .action(async (opts: { db: string; aliases?: string; quiet?: boolean }) => {
    process.exitCode = await runCheck(opts);
  });

program
  .command("report")
  .description(
    "write the auditor's report: one self-contained HTML file with findings, page evidence and charts",
  )
  .addOption(dbOption())
  .option("--out <file>", "HTML file to write", "output/report.html")
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
  .description("print the JSON Schema of the report record (generated from the zod schemas)")
  .action(() => {
    process.exitCode = runSchema();
  });

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
    process.stderr.write(`selfeval: unexpected error: ${(err as Error)?.stack ?? err}\n`);
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
