import { ZodError } from "zod";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { logger } from "@/lib/logger";

/**
 * What a client is told about a failure: route handlers answer `{ error: ErrorBody }` with the
 * code's HTTP status (`httpStatusOf`), server actions `{ ok: false, error: ErrorBody }`.
 */
export type ErrorBody = {
  code: AppErrorCode;
  message: string;
  /** Safe to show: `retryAfterSeconds`, `fieldErrors` (field → its first message), `reason`… */
  details?: Record<string, unknown>;
};

const INTERNAL_MESSAGE = "Something went wrong on our side. Please try again.";

/**
 * The one error serialiser. Typed errors keep their code, message and details; zod errors become
 * `validation` with "field: message; field: message" (the field a message is about, readable by
 * a person and by a script) and `details.fieldErrors` for forms; anything else is an `internal`
 * error whose message says nothing about the cause, which is logged here, the last place that
 * sees it.
 */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    };
  }
  if (error instanceof ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.issues) fieldErrors[fieldOf(issue.path)] ??= issue.message;
    const message = error.issues.map((i) => `${fieldOf(i.path)}: ${i.message}`).join("; ");
    return { code: "validation", message, details: { fieldErrors } };
  }
  logger.error({ err: error }, "unhandled error");
  return { code: "internal", message: INTERNAL_MESSAGE };
}

function fieldOf(path: readonly PropertyKey[]): string {
  return path.map(String).join(".") || "input";
}
