import { env } from "@/lib/env";

/** Where `npm run dev` answers when NEXTAUTH_URL is not set. */
const DEV_ORIGIN = "http://localhost:3000";

/**
 * An absolute link into the app for a mail: NEXTAUTH_URL's origin (required in production),
 * or the dev server's. `path` is absolute ("/verify-email"), `query` is appended encoded.
 */
export function appUrl(path: string, query: Record<string, string> = {}): string {
  const origin = env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : DEV_ORIGIN;
  const url = new URL(path, origin);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}
