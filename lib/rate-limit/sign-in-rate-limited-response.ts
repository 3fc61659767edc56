import { NextResponse } from "next/server";
import { toErrorBody } from "@/lib/http/to-error-body";
import { rateLimitedError } from "@/lib/rate-limit/rate-limited-error";
import { parseSignInRateLimit } from "@/lib/rate-limit/sign-in-rate-limit";

/**
 * next-auth answers a refused credentials sign-in for `json=true` callers with 401 `{ url }`,
 * the reason in the url's `error`. A locked one ("RateLimited:<seconds>") becomes a 429 with
 * Retry-After and our usual error body; `url` stays, because next-auth's own `signIn()` reads it.
 * Any other response is returned as it is.
 */
export async function signInRateLimitedResponse(response: Response): Promise<Response> {
  if (response.status !== 401) return response;
  if (!response.headers.get("content-type")?.includes("application/json")) return response;
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  const url =
    typeof body === "object" && body !== null && "url" in body && typeof body.url === "string"
      ? body.url
      : null;
  const seconds = url
    ? parseSignInRateLimit(new URL(url, "http://x").searchParams.get("error"))
    : null;
  if (!url || seconds === null) return response;
  const error = rateLimitedError("Too many sign-in attempts. Try again in {wait}.", seconds * 1000);
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.set("retry-after", String(seconds));
  return NextResponse.json({ url, error: toErrorBody(error) }, { status: 429, headers });
}
