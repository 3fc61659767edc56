import { env } from "@/lib/env";

/** Where `npm run dev` answers when NEXTAUTH_URL is not set. */
const DEV_ORIGIN = "http://localhost:3000";

/**
 * The app's public origin for links that leave the app (mails, Stripe's return URLs):
 * NEXTAUTH_URL's (required in production), or the dev server's.
 */
export function appOrigin(): string {
  return env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : DEV_ORIGIN;
}

/** An absolute link into the app: `path` is absolute ("/verify-email"), `query` appended encoded. */
export function appUrl(path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, appOrigin());
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}
