import { env } from "@/lib/env";

let cached: readonly string[] | undefined;

/**
 * The origins browsers may send cookie-authenticated changes from: NEXTAUTH_URL's and
 * APP_ORIGINS'. Empty when neither is set (a local run without NEXTAUTH_URL): then the request's
 * own host is the app's origin (see `assertSameOrigin`).
 */
export function getAppOrigins(): readonly string[] {
  cached ??= [
    ...new Set(
      [env.NEXTAUTH_URL, ...env.APP_ORIGINS].flatMap((url) => (url ? [new URL(url).origin] : [])),
    ),
  ];
  return cached;
}
