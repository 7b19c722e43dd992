/**
 * The SQLite backend (better-sqlite3 12 under kysely's SqliteDialect): WAL, foreign keys, a busy
 * timeout so concurrent processes wait for each other instead of failing, and write transactions
 * that take the write lock at once (BEGIN IMMEDIATE: a deferred transaction that reads first and
 * writes later can fail with SQLITE_BUSY when another process wrote meanwhile).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { type Dialect, KyselyStore } from "./kysely-store.js";
import { migrateSqlite, SchemaTooNewError, sqliteVersion } from "./migrate.js";
import { MIGRATIONS } from "./migrations.js";
import type { OpenOptions, Store } from "./store.js";
import type { Tables } from "./tables.js";

export function openSqliteStore(file: string, options: OpenOptions = {}): Store {
  const readonly = options.readonly ?? false;
  if (!readonly) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const raw = new Database(file, { readonly, fileMustExist: readonly });
  try {
    raw.pragma("busy_timeout = 10000");
    if (!readonly) {
      raw.pragma("journal_mode = WAL");
      raw.pragma("synchronous = NORMAL");
    }
    raw.pragma("foreign_keys = ON");
    if (!readonly) migrateSqlite(raw);
    else if (sqliteVersion(raw) > MIGRATIONS.length) throw new SchemaTooNewError(sqliteVersion(raw));
  } catch (err) {
    raw.close();
    throw err;
  }
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: raw }) });
  const dialect: Dialect = {
    backend: "sqlite",
    location: file,
    folder: path.dirname(path.resolve(file)),
    transaction: (k, fn) =>
      k.connection().execute(async (conn) => {
        await sql`BEGIN IMMEDIATE`.execute(conn);
        try {
          const result = await fn(conn);
          await sql`COMMIT`.execute(conn);
          return result;
        } catch (err) {
          if (raw.inTransaction) await sql`ROLLBACK`.execute(conn);
          throw err;
        }
      }),
    // SQLite's default order already is bytewise with NULL first.
    ascending: (column) => sql.ref(column),
    close: (k) => k.destroy(),
  };
  return new KyselyStore(db, dialect);
}
