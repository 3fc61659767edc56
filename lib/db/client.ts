import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

function createDb(url: string) {
  const sql = postgres(url, {
    max: env.DB_POOL_MAX,
    onnotice: () => {},
    // Off behind a transaction-mode pooler (PgBouncer < 1.21): see DATABASE_PREPARED_STATEMENTS.
    // postgres.js then sends every query as an unnamed statement (Parse/Describe, then
    // Bind/Execute, all before one Sync, so a pooler keeps both halves on one server connection).
    // This wins over drizzle's per-query flag, `.prepare(name)` included (docs/decisions/0007).
    prepare: env.DATABASE_PREPARED_STATEMENTS,
    // The default backoff grows 3^n/100 s (to 20 s) with a retry count shared by the whole pool,
    // so a Postgres restart that closes every pooled connection would stall us for ~20 s.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 2),
    // Keep timestamps as Date and bigints as numbers for the ids we use.
    types: { bigint: postgres.BigInt },
  });
  return { sql, db: drizzle(sql, { schema, casing: "snake_case" }) };
}

// One pool per process; kept on globalThis so Next's dev reloads don't open a pool per reload.
const globalForDb = globalThis as unknown as { __clauseflowDb?: ReturnType<typeof createDb> };
const instance = globalForDb.__clauseflowDb ?? createDb(env.DATABASE_URL);
globalForDb.__clauseflowDb = instance;

export const db = instance.db;
export const sql = instance.sql;
export type Db = typeof db;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Functions that may run inside a caller's transaction take `DbOrTx`. */
export type DbOrTx = Db | Tx;

export async function closeDb(): Promise<void> {
  await instance.sql.end({ timeout: 5 });
  globalForDb.__clauseflowDb = undefined;
}
