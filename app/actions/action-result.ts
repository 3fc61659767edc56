import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export type ActionError = { code: string; message: string; details?: Record<string, unknown> };
export type ActionResult<T> = ({ ok: true } & T) | { ok: false; error: ActionError };

/** Server-action glue: typed errors become a result the form can show; internals stay hidden. */
export async function runAction<T extends object>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, ...(await fn()) };
  } catch (error) {
    if (error instanceof AppError) {
      return {
        ok: false,
        error: {
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      };
    }
    if (error instanceof ZodError) {
      return {
        ok: false,
        error: { code: "validation", message: error.issues.map((i) => i.message).join(" ") },
      };
    }
    logger.error({ err: error }, "unhandled error in server action");
    return {
      ok: false,
      error: { code: "internal", message: "Something went wrong on our side. Please try again." },
    };
  }
}
