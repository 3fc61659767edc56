import { fetchJson } from "@/components/fetch-json";

/** POST a JSON body to the API (same origin, session cookie), resolving to the answer. */
export function postJson<T>(url: string, body?: unknown, method = "POST"): Promise<T> {
  return fetchJson<T>(url, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
}
