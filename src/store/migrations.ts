/**
 * Versioned schema migrations. The database's `user_version` is the number of migrations applied;
 * each runs once, in its own transaction. Append new migrations; never edit an applied one.
 */
export const MIGRATIONS: string[] = [
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
];
