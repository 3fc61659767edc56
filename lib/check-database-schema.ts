/**
 * Process start (web: instrumentation.ts, worker: worker/index.ts), after the environment check:
 * refuses to run against a database whose schema is not the one this code needs (docs/deploy.md:
 * migrations are a release step of their own). A database that cannot be reached yet is waited
 * for, up to `waitMs`, so services started together (compose) need no start order beyond it.
 */
export async function checkDatabaseSchemaOrExit(service: string, waitMs = 60_000): Promise<void> {
  const { sql } = await import("@/lib/db/client");
  const { assertSchemaCurrent, SchemaMismatchError } = await import("@/lib/db/check-schema");
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await assertSchemaCurrent(sql);
      return;
    } catch (error) {
      if (error instanceof SchemaMismatchError) {
        console.error(`[${service}] cannot start. ${error.message}`);
        process.exit(1);
      }
      if (Date.now() >= deadline) {
        console.error(
          `[${service}] cannot start: the database did not answer within ${Math.round(waitMs / 1000)} s (${(error as Error).message})`,
        );
        process.exit(1);
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}
