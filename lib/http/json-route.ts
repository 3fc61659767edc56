import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { getAdminOrThrow, getUserOrThrow, type SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export type ErrorBody = {
  error: { code: string; message: string; details?: Record<string, unknown> };
};

/** Typed errors → their status; zod → 422 with field messages; anything else → 500 hiding internals. */
export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  if (error instanceof AppError) {
    return NextResponse.json(
      {
        error: {
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      },
      { status: error.httpStatus },
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

/** Route handler glue: injects the signed-in user (401 otherwise) and maps errors. */
export function withUser<P = Record<string, never>>(
  handler: (args: { request: Request; user: SessionUser; params: P }) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const user = await getUserOrThrow();
      return await handler({ request, user, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Same as `withUser`, but 403 unless the user is an admin. */
export function withAdmin<P = Record<string, never>>(
  handler: (args: { request: Request; user: SessionUser; params: P }) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const user = await getAdminOrThrow();
      return await handler({ request, user, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
