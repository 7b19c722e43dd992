/**
 * pdf.js's warnings, captured for the document (and the page) that caused them. pdf.js says some
 * things only as a console warning: an image over `maxImageSize` "was removed" (the page then looks
 * empty), a page tree whose /Count is wrong is counted again from the pages it can find. Left
 * unheard, such a file passes as a document that simply has nothing on it.
 *
 * pdf.js writes its warnings with `console.warn("Warning: …")` when its verbosity allows it; it has
 * no other hook. So pdf.js runs at warning level, console.warn is wrapped once, and a warning goes
 * to the scope it was raised in: an AsyncLocalStorage store opened around the pdf.js calls of one
 * document or page (pdf.js's in-thread worker answers through promises, which keep the caller's
 * store, so two documents read at once keep their own). pdf.js warnings are never printed — as at
 * verbosity 0 before; the user hears what they mean from the file's status instead.
 */
import { AsyncLocalStorage } from "node:async_hooks";

/** pdf.js's `VerbosityLevel.WARNINGS`. */
export const PDFJS_WARNINGS = 1;

const PREFIX = "Warning: ";
/** Warnings kept per scope (a damaged file can raise one per operator). */
const MAX_KEPT = 200;

const scopes = new AsyncLocalStorage<string[]>();
let installed = false;

/** Wraps console.warn once: pdf.js's warnings go to the current scope, others pass through. */
export function captureWarnings(): void {
  if (installed) return;
  installed = true;
  const original = console.warn.bind(console);
  console.warn = (...args: unknown[]): void => {
    const first = args[0];
    if (typeof first === "string" && first.startsWith(PREFIX)) {
      const kept = scopes.getStore();
      if (kept && kept.length < MAX_KEPT) kept.push(first.slice(PREFIX.length));
      return;
    }
    original(...args);
  };
}

/** Runs `fn` with its own list of pdf.js warnings (also those raised by what it starts). */
export async function withWarnings<T>(fn: () => Promise<T>): Promise<{ value: T; warnings: string[] }> {
  captureWarnings();
  const warnings: string[] = [];
  const value = await scopes.run(warnings, fn);
  return { value, warnings };
}

/** The page tree's /Count, when pdf.js found it wrong and counted the pages again. */
export function declaredPageCount(warnings: readonly string[]): number | undefined {
  for (const w of warnings) {
    const m = /invalid \/Pages tree \/Count: (-?\d+)/.exec(w);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** An image pdf.js did not decode because it is over `maxImageSize`. */
export const imageRemoved = (warnings: readonly string[]): boolean =>
  warnings.some((w) => w.includes("Image exceeded maximum allowed size"));
