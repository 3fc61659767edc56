/**
 * The development accounts `npm run dev` creates (published in the README). Kept apart from the
 * seed so the orchestrator can print them without loading the app's configuration.
 */
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
