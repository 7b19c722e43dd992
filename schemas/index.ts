export * from "./correction.js";
export * from "./extraction-issue.js";
export * from "./finding.js";
export * from "./provenance.js";
export * from "./report.js";
