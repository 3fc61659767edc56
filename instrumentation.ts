/** Runs once when the Next server starts (`next start`, `next dev`), before it serves requests. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkEnvironmentOrExit } = await import("@/lib/check-environment");
  await checkEnvironmentOrExit("web");
  const { checkDatabaseSchemaOrExit } = await import("@/lib/check-database-schema");
  await checkDatabaseSchemaOrExit("web");
}
