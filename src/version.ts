import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
/** The package version, recorded with every extracted report. */
export const VERSION: string = (require("../../package.json") as { version: string }).version;
