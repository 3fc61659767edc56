import { type NextRequest, NextResponse } from "next/server";
import { ZodError } from "zod";
import {
  getRequestAdminOrThrow,
  getRequestUserOrThrow,
  type SessionUser,
} from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { observeRequestDuration } from "@/lib/metrics/observe-request-duration";

export type ErrorBody = {
  error: { code: string; message: string; details?: Record<string, unknown> };
};

/** Typed errors → their status; zod → 422 with field messages; anything else → 500 hiding internals. */
export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  if (error instanceof AppError) {
    const retryAfter = error.retryAfterSeconds;
    return NextResponse.json(
      {
        error: {
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      },
      {
        status: error.httpStatus,
        ...(retryAfter ? { headers: { "retry-after": String(retryAfter) } } : {}),
      },
    );
  }
  if (error instanceof ZodError) {
    const message = error.issues
      .map((i) => `${i.path.join(".") || "input"}: ${i.message}`)
      .join("; ");
    return NextResponse.json({ error: { code: "validation", message } }, { status: 422 });
  }
  logger.error({ err: error }, "unhandled error in route");
  return NextResponse.json(
    { error: { code: "internal", message: "Something went wrong on our side. Please try again." } },
    { status: 500 },
  );
}

type RouteContext<P> = { params: Promise<P> };

type Handler<P> = (args: { request: Request; user: SessionUser; params: P }) => Promise<Response>;

/**
 * `route` is the handler's route template as in `app/` (`/api/analyses/[id]`): the request
 * duration metric is labelled with it, never with the URL and its ids.
 */
function guarded(getUser: (request: NextRequest) => Promise<SessionUser>) {
  return <P = Record<string, never>>(route: string, handler: Handler<P>) =>
    (request: NextRequest, context: RouteContext<P>): Promise<Response> =>
      observeRequestDuration({ method: request.method, route }, async () => {
        try {
          const user = await getUser(request);
          return await handler({ request, user, params: await context.params });
        } catch (error) {
          return errorResponse(error);
        }
      });
}

/** Route handler glue: injects the signed-in user (401 otherwise), maps errors, times requests. */
export const withUser = guarded(getRequestUserOrThrow);

/** Same as `withUser`, but 403 unless the user is an admin. */
export const withAdmin = guarded(getRequestAdminOrThrow);
