/**
 * Applying the migrations of src/store/migrations.ts, safely when several processes open one new
 * database at once (several ingests or workers started together): each migration runs in a
 * transaction that first takes the database's write lock and only then reads the version, so the
 * second process waits, sees the first one's version and applies nothing twice.
 * - SQLite: `BEGIN IMMEDIATE` (the write lock at once; the busy timeout makes the others wait for
 *   it) and `user_version` re-read inside the transaction.
 * - PostgreSQL: a transaction-scoped advisory lock, then the `schema_version` table (created under
 *   the lock, so two creators never collide) read inside the same transaction; DDL is
 *   transactional there, so a failed migration leaves nothing behind.
 */
import type Database from "better-sqlite3";
import type pg from "pg";
import { MIGRATIONS } from "./migrations.js";

export class SchemaTooNewError extends Error {
  constructor(readonly found: number) {
    super(
      `database schema version ${found} is newer than this selfeval supports (${MIGRATIONS.length}); upgrade selfeval`,
    );
  }
}

export function sqliteVersion(db: Database.Database): number {
  return db.pragma("user_version", { simple: true }) as number;
}

export function migrateSqlite(db: Database.Database): void {
  if (sqliteVersion(db) === MIGRATIONS.length) return; // the usual case: no write lock taken
  for (;;) {
    db.exec("BEGIN IMMEDIATE");
    try {
      const current = sqliteVersion(db);
      if (current > MIGRATIONS.length) throw new SchemaTooNewError(current);
      if (current === MIGRATIONS.length) {
        db.exec("COMMIT");
        return;
      }
      db.exec(MIGRATIONS[current]!.sqlite);
      db.pragma(`user_version = ${current + 1}`);
      db.exec("COMMIT");
    } catch (err) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw err;
    }
  }
}

/** Any number that no other program is likely to use as its advisory lock key ("selfeval" in ASCII). */
const LOCK_KEY = 0x73656c66;

export async function postgresVersion(client: pg.PoolClient | pg.Pool): Promise<number | undefined> {
  const exists = await client.query<{ t: string | null }>("SELECT to_regclass('schema_version') AS t");
  if (!exists.rows[0]?.t) return undefined;
  const r = await client.query<{ v: number }>(
    "SELECT COALESCE(MAX(version), 0)::int AS v FROM schema_version",
  );
  return r.rows[0]?.v ?? 0;
}

export async function migratePostgres(pool: pg.Pool): Promise<void> {
  if ((await postgresVersion(pool)) === MIGRATIONS.length) return;
  const client = await pool.connect();
  try {
    for (;;) {
      await client.query("BEGIN");
      try {
        await client.query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEY]);
        await client.query(
          `CREATE TABLE IF NOT EXISTS schema_version (
             version    integer PRIMARY KEY,
             applied_at timestamptz NOT NULL DEFAULT now(),
             applied_by text NOT NULL
           )`,
        );
        const current = (await postgresVersion(client)) ?? 0;
        if (current > MIGRATIONS.length) throw new SchemaTooNewError(current);
        if (current === MIGRATIONS.length) {
          await client.query("COMMIT");
          return;
        }
        await client.query(MIGRATIONS[current]!.postgres);
        await client.query("INSERT INTO schema_version (version, applied_by) VALUES ($1, $2)", [
          current + 1,
          `selfeval pid ${process.pid}`,
        ]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      }
    }
  } finally {
    client.release();
  }
}
