/**
 * All declarative definitions the extractor uses, validated when loaded (a wrong entry is one
 * error naming its file and key). A new house style is mostly a new entry here: more label
 * synonyms in vocabulary.ts, label words in labels.ts, or a table header map under tables/.
 */
import { loadDefinitions } from "../src/extract/definitions.js";
import { labels } from "./labels.js";
import { indicatorTables } from "./tables/indicators.js";
import { projectTables } from "./tables/projects.js";
import { taskTables } from "./tables/tasks.js";
import { vocabulary } from "./vocabulary.js";

export const definitions = loadDefinitions([
  { file: "pipelines/vocabulary.ts", vocabulary },
  { file: "pipelines/labels.ts", labels },
  { file: "pipelines/tables/indicators.ts", tables: indicatorTables },
  { file: "pipelines/tables/tasks.ts", tables: taskTables },
  { file: "pipelines/tables/projects.ts", tables: projectTables },
]);
