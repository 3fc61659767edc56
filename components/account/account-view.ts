import type { AnalysisMailPreference } from "@/lib/db/schema";

/** What the account page shows and edits (read on the server, passed to the cards). */
export type AccountView = {
  email: string;
  name: string | null;
  emailVerified: boolean;
  analysisMail: AnalysisMailPreference;
  role: "user" | "admin";
};
