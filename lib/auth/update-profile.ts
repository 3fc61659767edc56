import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { analysisMailPreference, users } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";

export const profileInputSchema = z
  .object({
    /** Empty clears the name. */
    name: z.string().trim().max(100, "Use at most 100 characters.").optional(),
    analysisMail: z.enum(analysisMailPreference.enumValues).optional(),
  })
  .strict();

/** The account page's name and notification preference (`PATCH /api/me`). */
export async function updateProfile(
  input: z.infer<typeof profileInputSchema> & { userId: string },
): Promise<{
  name: string | null;
  analysisMail: (typeof analysisMailPreference.enumValues)[number];
}> {
  const changes: Partial<typeof users.$inferInsert> = {};
  if (input.name !== undefined) changes.name = input.name === "" ? null : input.name;
  if (input.analysisMail !== undefined) changes.analysisMail = input.analysisMail;
  if (Object.keys(changes).length === 0) {
    throw new AppError("validation", "Nothing to change: send name or analysisMail.");
  }
  const [row] = await db
    .update(users)
    .set(changes)
    .where(eq(users.id, input.userId))
    .returning({ name: users.name, analysisMail: users.analysisMail });
  if (!row) throw notFound("Account");
  return row;
}
