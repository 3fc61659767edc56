import { sql } from "drizzle-orm";
import { createUser } from "@/lib/auth/create-user";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { DEMO_USERS } from "./demo-users";

export { DEMO_USERS } from "./demo-users";

/**
 * Creates the demo user and admin if they do not exist yet (idempotent). Development only: their
 * passwords are public, so a production process refuses.
 */
export async function seedDemoUsers(): Promise<void> {
  if (env.NODE_ENV === "production") {
    throw new Error("Demo accounts are never created with NODE_ENV=production.");
  }
  for (const u of DEMO_USERS) {
    const [existing] = await db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${u.email}`);
    if (existing) continue;
    await createUser({ ...u });
  }
}
