import type { Stage } from "../pipeline/stage.js";
import { layoutDocument } from "./document-layout.js";

/** Page contents → lines, paragraphs, headings and tables for the whole document. */
export const layoutPages: Stage = {
  name: "layout",
  run(result) {
    result.layout = layoutDocument(result.pages);
  },
};
