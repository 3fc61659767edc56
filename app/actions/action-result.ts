import { type ErrorBody, toErrorBody } from "@/lib/http/to-error-body";

export type ActionResult<T> = ({ ok: true } & T) | { ok: false; error: ErrorBody };

/** Server-action glue: a failure becomes the same error body a route answers with. */
export async function runAction<T extends object>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, ...(await fn()) };
  } catch (error) {
    return { ok: false, error: toErrorBody(error) };
  }
}
