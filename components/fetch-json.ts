/**
 * Typed fetch helpers for the JSON API. Errors carry the server's `error.message`, so screens can
 * show it as is (the API writes user-ready messages).
 */

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fallbackMessage(status: number): string {
  if (status === 401) return "Your session has expired. Please sign in again.";
  if (status === 403) return "You don't have access to this.";
  if (status === 404) return "Not found.";
  if (status === 413) return "This file is too large.";
  if (status >= 500) return "Something went wrong on our side. Please try again in a moment.";
  return `Request failed (HTTP ${status}).`;
}

async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (proxy error page, empty body): fall back to a generic message.
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  const message =
    error && typeof error.message === "string" && error.message.trim() !== ""
      ? error.message
      : fallbackMessage(res.status);
  const code = error && typeof error.code === "string" ? error.code : `http_${res.status}`;
  const details = error && isRecord(error.details) ? error.details : undefined;
  return new ApiError(res.status, code, message, details);
}

async function send(input: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(input, { credentials: "same-origin", ...init });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(
      0,
      "network",
      "Can't reach Clauseflow. Check your connection and try again.",
    );
  }
}

/** GET/POST JSON; resolves to the parsed body, throws `ApiError` on non-2xx. */
export async function fetchJson<T>(input: string, init?: RequestInit): Promise<T> {
  const res = await send(input, {
    ...init,
    headers: { accept: "application/json", ...init?.headers },
  });
  if (!res.ok) throw await errorFromResponse(res);
  return (await res.json()) as T;
}

/** Like `fetchJson` but for text bodies (the Markdown memo). */
export async function fetchText(input: string, init?: RequestInit): Promise<string> {
  const res = await send(input, init);
  if (!res.ok) throw await errorFromResponse(res);
  return res.text();
}

/** A request answered with no body (DELETE → 204); throws `ApiError` on non-2xx. */
export async function fetchNoContent(input: string, init?: RequestInit): Promise<void> {
  const res = await send(input, init);
  if (!res.ok) throw await errorFromResponse(res);
}

/** Client errors (bad request, not found, forbidden…) will not get better on retry. */
export function isClientError(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Please try again.";
}
