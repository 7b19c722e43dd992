/** The selfeval command line. */
import { Command, CommanderError } from "commander";
import { EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, fileErrorLine, UserError } from "./errors.js";
import { inspectJson, inspectText } from "./inspect.js";
import { defaultContext, processFile } from "./load-document.js";

const program = new Command();
program
  .name("selfeval")
  .description("Budget performance self-evaluation reports (绩效自评报告) from PDF to a checked dataset")
  .exitOverride()
  .configureOutput({ outputError: (s, write) => write(`selfeval: ${s.replace(/^error: /, "")}`) });

program
  .command("inspect")
  .description("show what the reader sees in one PDF: pages and their kind, headings, tables")
  .argument("<file>", "a PDF file")
  .option("--json", "print one JSON object")
  .option("--password <password>", "password for an encrypted PDF")
  .action(async (file: string, opts: { json?: boolean; password?: string }) => {
    const result = await processFile(file, undefined, defaultContext({ password: opts.password }));
    if (result.status === "failed") {
      throw new UserError(
        fileErrorLine(file, result.failure!.message, result.failure!.hint),
        EXIT_SOME_FAILED,
        result.failure!.code,
      );
    }
    process.stdout.write(opts.json ? `${JSON.stringify(inspectJson(result))}\n` : `${inspectText(result)}\n`);
  });

export async function main(argv: string[]): Promise<number> {
  try {
    await program.parseAsync(argv);
    return EXIT_OK;
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

process.exitCode = await main(process.argv);
