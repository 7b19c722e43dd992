import type { Definitions } from "../extract/definitions.js";
import type { Stage } from "../pipeline/stage.js";
import { layoutDocument } from "./document-layout.js";

/** Page contents → lines, paragraphs, headings and tables for the whole document, with a house style's layout words. */
export function layoutPages(definitions: Definitions): Stage {
  const words = definitions.vocabulary.labels.layout;
  return {
    name: "layout",
    run(result) {
      result.layout = layoutDocument(result.pages, words);
    },
  };
}
