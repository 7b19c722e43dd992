/**
 * The PostgreSQL backend (`pg` under kysely's PostgresDialect). Types come back as the SQLite
 * backend gives them: numeric as its exact text (pg's default), bigint (counts, ids, sizes) as a
 * number, json as its text. Text may not hold NUL in PostgreSQL: it is dropped from every parameter
 * (SQLite keeps it; the record's JSON escapes it, so the record itself is unchanged).
 */
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient, sql } from "kysely";
import pg from "pg";
import { type Dialect, KyselyStore } from "./kysely-store.js";
import { migratePostgres } from "./migrate.js";
import { type OpenOptions, redactUrl, type Store } from "./store.js";
import type { Tables } from "./tables.js";

const INT8 = 20;
const JSON_OID = 114;

const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === INT8) return (v: string) => Number(v);
    if (oid === JSON_OID) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

const noNul = (v: unknown): unknown =>
  typeof v === "string" && v.includes("\0") ? v.replaceAll("\0", "") : v;

export function postgresPool(url: string, max = 4): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types, application_name: "selfeval" });
  // An idle client losing its server (a restart) must not crash the process: the pool drops it.
  pool.on("error", () => undefined);
  return pool;
}

/** kysely's pool, with NUL dropped from parameters on their way to the server. */
function cleaningPool(pool: pg.Pool): PostgresPool {
  // Only the (text, parameters) form of query is used by kysely's driver outside of streaming.
  return {
    connect: async () => {
      const client = await pool.connect();
      return {
        query: (text: string, params: readonly unknown[]) => client.query(text, params.map(noNul)),
        release: () => client.release(),
      } as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}

export async function openPostgresStore(url: string, options: OpenOptions = {}): Promise<Store> {
  const pool = postgresPool(url, options.poolSize ?? 4);
  try {
    await migratePostgres(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: cleaningPool(pool) }) });
  const dialect: Dialect = {
    backend: "postgres",
    location: redactUrl(url),
    folder: undefined,
    transaction: (k, fn) => k.transaction().execute(fn),
    ascending: (column, kind = "text") =>
      kind === "text" ? sql`${sql.ref(column)} COLLATE "C" NULLS FIRST` : sql`${sql.ref(column)} NULLS FIRST`,
    close: (k) => k.destroy(),
  };
  return new KyselyStore(db, dialect);
}
