import { env } from "@/lib/env";

/**
 * The app's public origin for links that leave the app (mails): NEXTAUTH_URL's, or the dev
 * server's when it is not set (a local `npm run dev`).
 */
export function appOrigin(): string {
  return env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : "http://localhost:3000";
}
