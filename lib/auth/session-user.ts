import type { UserRole } from "@/lib/db/schema";

/** The user as carried in the JWT session and handed to domain functions. */
export type SessionUser = { id: string; email: string; name: string | null; role: UserRole };
