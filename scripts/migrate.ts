import { migrateDatabase } from "@/lib/db/migrate";
import { env } from "@/lib/env";

await migrateDatabase(env.DATABASE_URL);
console.log("migrations applied");
