import { sql } from "drizzle-orm";
import { createUser } from "@/lib/auth/create-user";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";

export const DEMO_USERS = [
  {
    email: "demo@example.com",
    password: "demo-password",
    name: "Demo User",
    role: "user",
    grantCredits: 100,
  },
  {
    email: "admin@example.com",
    password: "admin-password",
    name: "Admin",
    role: "admin",
    grantCredits: 1000,
  },
] as const;

/** Creates the demo user and admin if they do not exist yet (idempotent). */
export async function seedDemoUsers(): Promise<void> {
  for (const u of DEMO_USERS) {
    const [existing] = await db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${u.email}`);
    if (existing) continue;
    await createUser({ ...u });
  }
}
