/**
 * The corrections and same-report tables (migration 3), through the store's query layer so both
 * backends hold them alike. Corrections are only ever appended; the same-report links are replaced
 * by each `check`, in the transaction that replaces its findings.
 */
import type { Correction } from "../../schemas/correction.js";
import type { Store } from "../store/store.js";

/**
 * A store opened read-only is not migrated: one written before migration 3 has neither table, which
 * reads as "no corrections, no links" (SQLite: no such table; PostgreSQL: undefined_table).
 */
function tableMissing(err: unknown): boolean {
  const e = err as { message?: string; code?: string };
  return e?.code === "42P01" || /no such table/.test(e?.message ?? "");
}

async function orEmpty<T>(read: () => Promise<T[]>): Promise<T[]> {
  try {
    return await read();
  } catch (err) {
    if (tableMissing(err)) return [];
    throw err;
  }
}

/** Records corrections in one transaction and returns them with their ids. */
export async function addCorrections(
  store: Store,
  corrections: readonly Correction[],
): Promise<Correction[]> {
  if (corrections.length === 0) return [];
  return store.transaction(async (tx) => {
    const out: Correction[] = [];
    for (const c of corrections) {
      const row = await tx.db
        .insertInto("corrections")
        .values({
          report_id: c.report_id,
          field: c.field,
          value: c.value,
          original: c.original ?? null,
          page: c.page ?? null,
          reason: c.reason,
          author: c.author,
          created_at: c.created_at,
          source: c.source,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      out.push({ ...c, id: Number(row.id) });
    }
    return out;
  });
}

/** Every correction recorded (of one report, or all), oldest first. */
export async function listCorrections(store: Store, reportId?: string): Promise<Correction[]> {
  let q = store.db.selectFrom("corrections").selectAll();
  if (reportId) q = q.where("report_id", "=", reportId);
  const rows = await orEmpty(() => q.orderBy("id").execute());
  return rows.map((r) => ({
    id: Number(r.id),
    report_id: r.report_id,
    field: r.field,
    value: r.value,
    ...(r.original !== null ? { original: r.original } : {}),
    ...(r.page !== null ? { page: r.page } : {}),
    reason: r.reason,
    author: r.author,
    created_at: r.created_at,
    source: r.source,
  }));
}

export interface SameReportLink {
  report_id: string;
  same_report_as: string;
  agree: number;
  differ: number;
}

/** Replaces the links (inside the caller's transaction when given one). */
export async function saveSameReportLinks(store: Store, links: readonly SameReportLink[]): Promise<void> {
  await store.db.deleteFrom("same_report").execute();
  for (const l of links) await store.db.insertInto("same_report").values(l).execute();
}

/** A copy's report id → the report id of the canonical reading, as the last `check` linked them. */
export async function loadSameReportLinks(store: Store): Promise<Map<string, string>> {
  const rows = await orEmpty(() =>
    store.db.selectFrom("same_report").select(["report_id", "same_report_as"]).execute(),
  );
  return new Map(rows.map((r) => [r.report_id, r.same_report_as]));
}
