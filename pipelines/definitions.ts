/**
 * All declarative definitions the extractor uses. A new house style is mostly a new entry here:
 * more label synonyms in vocabulary.ts, or a table header map under tables/.
 */
import type { Definitions } from "../src/extract/definitions.js";
import { indicatorTables } from "./tables/indicators.js";
import { projectTables } from "./tables/projects.js";
import { taskTables } from "./tables/tasks.js";
import { vocabulary } from "./vocabulary.js";

export const definitions: Definitions = {
  vocabulary,
  tables: [...indicatorTables, ...taskTables, ...projectTables],
};
