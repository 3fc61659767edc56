import type { UserRole } from "@/lib/db/schema";

/** The signed-in user as read live from the account, handed to domain functions. */
export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  /** Whether the e-mail was verified (the app's pages show a banner until it is). */
  emailVerified: boolean;
};
