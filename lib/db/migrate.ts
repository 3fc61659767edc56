import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

/** Applies the committed SQL migrations in `drizzle/`. Safe to run on every start. */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  // Unprepared: a one-off run gains nothing from prepared statements, and so it also works
  // through a transaction-mode pooler (DATABASE_PREPARED_STATEMENTS), not only directly.
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {}, prepare: false });
  try {
    await migrate(drizzle(sql), { migrationsFolder: path.join(process.cwd(), "drizzle") });
  } finally {
    await sql.end({ timeout: 5 });
  }
}
