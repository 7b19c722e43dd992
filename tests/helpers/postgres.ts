/** Databases on the tests' PostgreSQL server (see pg-global-setup.ts): one fresh database per use. */
import { randomBytes } from "node:crypto";
import pg from "pg";

/** The server's URL; throws (so the test fails, never skips) when there is none. */
export function testPgUrl(): string {
  const url = process.env.SELFEVAL_TEST_PG;
  if (!url)
    throw new Error(
      process.env.SELFEVAL_TEST_PG_ERROR ??
        "SELFEVAL_TEST_PG is not set: run the tests with `npm test` (it starts a PostgreSQL server)",
    );
  return url;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new empty database on the test server. */
export async function freshPgDatabase(prefix = "t"): Promise<TestDatabase> {
  const admin = testPgUrl();
  const name = `selfeval_${prefix}_${randomBytes(5).toString("hex")}`.toLowerCase();
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
