/**
 * Versioned schema migrations, one entry per version with its text for each backend: the same
 * tables and columns on both, in each one's types (decimals: TEXT in SQLite, whose NUMERIC affinity
 * would turn them into floats; numeric in PostgreSQL). SQLite counts the applied ones in
 * `user_version`, PostgreSQL in the `schema_version` table; each runs once, in its own transaction
 * (src/store/migrate.ts). Append new migrations; never edit an applied one. The store contract test
 * compares the columns of both backends after all migrations.
 */
export interface Migration {
  sqlite: string;
  postgres: string;
}

/** The SQLite texts, as applied since version 1 (kept verbatim: databases in use ran them). */
const SQLITE: string[] = [
  // 1: reports and everything extracted from them
  `
  CREATE TABLE reports (
    report_id      TEXT PRIMARY KEY,              -- SHA-256 of the file bytes
    source_file    TEXT NOT NULL,
    source_path    TEXT NOT NULL,
    department     TEXT,
    department_key TEXT,                          -- normalised name for matching across years
    fiscal_year    INTEGER,
    report_kind    TEXT,
    self_score     TEXT,
    grade          TEXT,
    status         TEXT NOT NULL CHECK (status IN ('ok','partial','failed','skipped')),
    error          TEXT,
    pages          INTEGER NOT NULL DEFAULT 0,
    ocr_pages      INTEGER NOT NULL DEFAULT 0,
    file_size      INTEGER NOT NULL DEFAULT 0,
    record_json    TEXT,                          -- the validated Report with provenance
    extractor      TEXT NOT NULL,                 -- selfeval version that extracted it
    ingested_at    TEXT NOT NULL
  );
  CREATE INDEX reports_dept_year ON reports(department_key, fiscal_year);

  CREATE TABLE source_paths (
    report_id  TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
    path       TEXT NOT NULL,
    file_name  TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    PRIMARY KEY (report_id, path)
  );

  CREATE TABLE statements (
    report_id TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    key       TEXT NOT NULL,
    value     TEXT NOT NULL,
    ulp       TEXT NOT NULL,
    unit      TEXT NOT NULL,
    context   TEXT NOT NULL,
    label     TEXT NOT NULL,
    canonical INTEGER NOT NULL DEFAULT 0,
    page      INTEGER NOT NULL,
    bbox      TEXT NOT NULL,
    printed   TEXT NOT NULL,
    conf      REAL,
    PRIMARY KEY (report_id, seq)
  );

  CREATE TABLE budget_lines (
    report_id       TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,
    section         TEXT NOT NULL,
    item            TEXT NOT NULL,
    item_as_printed TEXT NOT NULL,
    amount_wan      TEXT NOT NULL,
    amount_ulp      TEXT NOT NULL,
    unit            TEXT NOT NULL,
    share_pct       TEXT,
    share_ulp       TEXT,
    context         TEXT NOT NULL,
    page            INTEGER NOT NULL,
    bbox            TEXT NOT NULL,
    printed         TEXT NOT NULL,
    conf            REAL,
    PRIMARY KEY (report_id, seq)
  );

  CREATE TABLE indicators (
    report_id    TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    level1       TEXT NOT NULL,
    level2       TEXT NOT NULL,
    level3       TEXT NOT NULL,
    target       TEXT NOT NULL,
    target_op    TEXT NOT NULL,
    target_value TEXT,
    target_unit  TEXT,
    actual       TEXT,
    weight       TEXT,
    score        TEXT,
    deviation    TEXT,
    page         INTEGER NOT NULL,
    bbox         TEXT NOT NULL,
    PRIMARY KEY (report_id, seq)
  );

  CREATE TABLE tasks (
    report_id   TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    content     TEXT,
    planned_wan TEXT,
    planned_ulp TEXT,
    goal        TEXT,
    completion  TEXT,
    page        INTEGER NOT NULL,
    pages       TEXT NOT NULL,
    bbox        TEXT NOT NULL,
    PRIMARY KEY (report_id, seq)
  );

  CREATE TABLE projects (
    report_id          TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
    seq                INTEGER NOT NULL,
    name               TEXT NOT NULL,
    budget_wan         TEXT,
    executed_wan       TEXT,
    execution_rate_pct TEXT,
    context            TEXT NOT NULL,
    page               INTEGER NOT NULL,
    bbox               TEXT NOT NULL,
    PRIMARY KEY (report_id, seq)
  );

  CREATE TABLE issues (
    report_id TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    stage     TEXT NOT NULL,
    code      TEXT NOT NULL,
    severity  TEXT NOT NULL,
    message   TEXT NOT NULL,
    page      INTEGER,
    PRIMARY KEY (report_id, seq)
  );

  -- Findings of \`selfeval check\`; re-running replaces them.
  CREATE TABLE findings (
    id              INTEGER PRIMARY KEY,
    rule            TEXT NOT NULL,
    scope           TEXT NOT NULL,
    severity        TEXT NOT NULL,
    report_id       TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
    other_report_id TEXT REFERENCES reports(report_id) ON DELETE CASCADE,
    department      TEXT,
    fiscal_year     INTEGER,
    field           TEXT NOT NULL,
    stated          TEXT,
    expected        TEXT,
    difference      TEXT,
    page            INTEGER,
    bbox            TEXT,
    other_page      INTEGER,
    message         TEXT NOT NULL,
    evidence_json   TEXT
  );
  CREATE INDEX findings_report ON findings(report_id);

  -- One row per report with its headline figures, for analysts (amounts in 万元 as numbers).
  CREATE VIEW report_summary AS
  SELECT r.report_id, r.department, r.fiscal_year, r.status, CAST(r.self_score AS REAL) AS self_score, r.grade,
    (SELECT CAST(value AS REAL) FROM statements s WHERE s.report_id = r.report_id AND s.key = 'budget_total' AND s.canonical) AS budget_total_wan,
    (SELECT CAST(value AS REAL) FROM statements s WHERE s.report_id = r.report_id AND s.key = 'executed_total' AND s.canonical) AS executed_total_wan,
    (SELECT CAST(value AS REAL) FROM statements s WHERE s.report_id = r.report_id AND s.key = 'execution_rate' AND s.canonical) AS execution_rate_pct,
    (SELECT CAST(value AS REAL) FROM statements s WHERE s.report_id = r.report_id AND s.key = 'basic_total' AND s.canonical) AS basic_total_wan,
    (SELECT CAST(value AS REAL) FROM statements s WHERE s.report_id = r.report_id AND s.key = 'project_total' AND s.canonical) AS project_total_wan,
    (SELECT COUNT(*) FROM findings f WHERE f.report_id = r.report_id AND f.severity IN ('error','warning')) AS findings,
    r.pages, r.ocr_pages, r.source_file
  FROM reports r;

  -- Every stated number with where it was printed, for tracing any figure to its page.
  CREATE VIEW figure_evidence AS
  SELECT report_id, 'statement' AS kind, key AS field, value, unit, page, bbox, printed FROM statements
  UNION ALL
  SELECT report_id, 'budget_line', section || ':' || item, amount_wan, unit, page, bbox, printed FROM budget_lines;
  `,
  // 2: findings name the report they were compared against separately from one they implicate
  // and keep the rounding bound each difference was judged against
  `ALTER TABLE findings ADD COLUMN reference_report_id TEXT REFERENCES reports(report_id) ON DELETE CASCADE;
   ALTER TABLE findings ADD COLUMN tolerance TEXT;`,
  // 3: auditors' corrections (never cascaded away: a re-extraction deletes and rewrites the
  // report's rows, the corrections must outlive it) and which stored files are copies of which report
  `CREATE TABLE corrections (
     id         INTEGER PRIMARY KEY,
     report_id  TEXT NOT NULL,
     field      TEXT NOT NULL,
     value      TEXT,
     original   TEXT,
     page       INTEGER,
     reason     TEXT NOT NULL,
     author     TEXT NOT NULL,
     created_at TEXT NOT NULL,
     source     TEXT NOT NULL
   );
   CREATE INDEX corrections_report ON corrections(report_id, field);
   CREATE TABLE same_report (
     report_id      TEXT PRIMARY KEY REFERENCES reports(report_id) ON DELETE CASCADE,
     same_report_as TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
     agree          INTEGER NOT NULL,
     differ         INTEGER NOT NULL
   );`,
];

/** The same schema in PostgreSQL's types. */
const POSTGRES: string[] = [
  // 1: reports and everything extracted from them
  `
  CREATE TABLE reports (
    report_id      text PRIMARY KEY,
    source_file    text NOT NULL,
    source_path    text NOT NULL,
    department     text,
    department_key text,
    fiscal_year    integer,
    report_kind    text,
    self_score     numeric,
    grade          text,
    status         text NOT NULL CHECK (status IN ('ok','partial','failed','skipped')),
    error          text,
    pages          integer NOT NULL DEFAULT 0,
    ocr_pages      integer NOT NULL DEFAULT 0,
    file_size      bigint NOT NULL DEFAULT 0,
    record_json    json,
    extractor      text NOT NULL,
    ingested_at    text NOT NULL
  );
  CREATE INDEX reports_dept_year ON reports(department_key, fiscal_year);

  CREATE TABLE source_paths (
    report_id  text NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
    path       text NOT NULL,
    file_name  text NOT NULL,
    first_seen text NOT NULL,
    PRIMARY KEY (report_id, path)
  );

  CREATE TABLE statements (
    report_id text NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
    seq       integer NOT NULL,
    key       text NOT NULL,
    value     numeric NOT NULL,
    ulp       numeric NOT NULL,
    unit      text NOT NULL,
    context   text NOT NULL,
    label     text NOT NULL,
    canonical smallint NOT NULL DEFAULT 0,
    page      integer NOT NULL,
    bbox      text NOT NULL,
    printed   text NOT NULL,
    conf      double precision,
    PRIMARY KEY (report_id, seq)
  );

  CREATE TABLE budget_lines (
    report_id       text NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
    seq             integer NOT NULL,
    section         text NOT NULL,
    item            text NOT NULL,
    item_as_printed text NOT NULL,
    amount_wan      numeric NOT NULL,
    amount_ulp      numeric NOT NULL,
    unit            text NOT NULL,
    share_pct       numeric,
    share_ulp       numeric,
    context         text NOT NULL,
    page            integer NOT NULL,
    bbox            text NOT NULL,
    printed         text NOT NULL,
    conf            double precision,
    PRIMARY KEY (report_id, seq)
  );

  CREATE TABLE indicators (
    report_id    text NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
    seq          integer NOT NULL,
    level1       text NOT NULL,
    level2       text NOT NULL,
    level3       text NOT NULL,
    target       text NOT NULL,
    target_op    text NOT NULL,
    target_value numeric,
    target_unit  text,
    actual       text,
    weight       numeric,
    score        numeric,
    deviation    text,
    page         integer NOT NULL,
    bbox         text NOT NULL,
    PRIMARY KEY (report_id, seq)
  );

  CREATE TABLE tasks (
    report_id   text NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
    seq         integer NOT NULL,
    name        text NOT NULL,
    content     text,
    planned_wan numeric,
    planned_ulp numeric,
    goal        text,
    completion  text,
    page        integer NOT NULL,
    pages       text NOT NULL,
    bbox        text NOT NULL,
    PRIMARY KEY (report_id, seq)
  );

  CREATE TABLE projects (
    report_id          text NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
    seq                integer NOT NULL,
    name               text NOT NULL,
    budget_wan         numeric,
    executed_wan       numeric,
    execution_rate_pct numeric,
    context            text NOT NULL,
    page               integer NOT NULL,
    bbox               text NOT NULL,
    PRIMARY KEY (report_id, seq)
  );

  CREATE TABLE issues (
    report_id text NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
    seq       integer NOT NULL,
    stage     text NOT NULL,
    code      text NOT NULL,
    severity  text NOT NULL,
    message   text NOT NULL,
    page      integer,
    PRIMARY KEY (report_id, seq)
  );

  CREATE TABLE findings (
    id              bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    rule            text NOT NULL,
    scope           text NOT NULL,
    severity        text NOT NULL,
    report_id       text NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
    other_report_id text REFERENCES reports(report_id) ON DELETE CASCADE,
    department      text,
    fiscal_year     integer,
    field           text NOT NULL,
    stated          numeric,
    expected        numeric,
    difference      numeric,
    page            integer,
    bbox            text,
    other_page      integer,
    message         text NOT NULL,
    evidence_json   json
  );
  CREATE INDEX findings_report ON findings(report_id);

  CREATE VIEW report_summary AS
  SELECT r.report_id, r.department, r.fiscal_year, r.status, r.self_score, r.grade,
    (SELECT value FROM statements s WHERE s.report_id = r.report_id AND s.key = 'budget_total' AND s.canonical = 1 LIMIT 1) AS budget_total_wan,
    (SELECT value FROM statements s WHERE s.report_id = r.report_id AND s.key = 'executed_total' AND s.canonical = 1 LIMIT 1) AS executed_total_wan,
    (SELECT value FROM statements s WHERE s.report_id = r.report_id AND s.key = 'execution_rate' AND s.canonical = 1 LIMIT 1) AS execution_rate_pct,
    (SELECT value FROM statements s WHERE s.report_id = r.report_id AND s.key = 'basic_total' AND s.canonical = 1 LIMIT 1) AS basic_total_wan,
    (SELECT value FROM statements s WHERE s.report_id = r.report_id AND s.key = 'project_total' AND s.canonical = 1 LIMIT 1) AS project_total_wan,
    (SELECT COUNT(*) FROM findings f WHERE f.report_id = r.report_id AND f.severity IN ('error','warning')) AS findings,
    r.pages, r.ocr_pages, r.source_file
  FROM reports r;

  CREATE VIEW figure_evidence AS
  SELECT report_id, 'statement' AS kind, key AS field, value, unit, page, bbox, printed FROM statements
  UNION ALL
  SELECT report_id, 'budget_line', section || ':' || item, amount_wan, unit, page, bbox, printed FROM budget_lines;
  `,
  // 2: as SQLite's 2
  `ALTER TABLE findings ADD COLUMN reference_report_id text REFERENCES reports(report_id) ON DELETE CASCADE;
   ALTER TABLE findings ADD COLUMN tolerance numeric;`,
  // 3: as SQLite's 3 (text, not numeric, for a corrected value: it may be text)
  `CREATE TABLE corrections (
     id         integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     report_id  text NOT NULL,
     field      text NOT NULL,
     value      text,
     original   text,
     page       integer,
     reason     text NOT NULL,
     author     text NOT NULL,
     created_at text NOT NULL,
     source     text NOT NULL
   );
   CREATE INDEX corrections_report ON corrections(report_id, field);
   CREATE TABLE same_report (
     report_id      text PRIMARY KEY REFERENCES reports(report_id) ON DELETE CASCADE,
     same_report_as text NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
     agree          integer NOT NULL,
     differ         integer NOT NULL
   );`,
];

export const MIGRATIONS: readonly Migration[] = SQLITE.map((sqlite, i) => {
  const postgres = POSTGRES[i];
  if (postgres === undefined) throw new Error(`migration ${i + 1} has no PostgreSQL text`);
  return { sqlite, postgres };
});
