/** The queue's names, apart so the lease keeper's thread loads nothing else. */
export const QUEUE = "selfeval-ingest";
/** pg-boss's schema (its default). */
export const BOSS_SCHEMA = "pgboss";
