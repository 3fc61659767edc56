import { closeDb } from "@/lib/db/client";
import { DEMO_USERS, seedDemoUsers } from "./lib/seed-demo-users";

await seedDemoUsers();
await closeDb();
for (const u of DEMO_USERS) console.log(`${u.role}: ${u.email} / ${u.password}`);
