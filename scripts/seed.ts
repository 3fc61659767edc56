import { closeDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { DEMO_USERS, seedDemoUsers } from "./lib/seed-demo-users";

// Demo accounts with published passwords are for `npm run dev` only.
if (env.NODE_ENV === "production") {
  console.error("seed: refusing to create demo accounts with NODE_ENV=production");
  process.exit(1);
}
await seedDemoUsers();
await closeDb();
for (const u of DEMO_USERS) console.log(`${u.role}: ${u.email} (demo password in README)`);
