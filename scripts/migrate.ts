import { checkEnvironmentOrExit } from "@/lib/check-environment";

// Checked first: a production start without its configuration stops here with the full list.
await checkEnvironmentOrExit("migrate");
const { migrateDatabase } = await import("@/lib/db/migrate");
const { env } = await import("@/lib/env");
await migrateDatabase(env.DATABASE_URL);
console.log("migrations applied");
