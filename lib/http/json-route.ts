import { type NextRequest, NextResponse } from "next/server";
import { ZodError } from "zod";
import {
  getRequestAdminOrThrow,
  getRequestUserOrThrow,
  type SessionUser,
} from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { addTransportSecurity } from "@/lib/http/add-transport-security";
import { assertContentType, type BodyKind } from "@/lib/http/assert-content-type";
import { assertSameOrigin } from "@/lib/http/assert-same-origin";
import { getAppOrigins } from "@/lib/http/get-app-origins";
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

type RouteOptions = {
  /** What a POST/PUT/PATCH/DELETE reads from its body (checked by media type; default `json`). */
  body?: BodyKind;
};

/**
 * `route` is the handler's route template as in `app/` (`/api/analyses/[id]`): the request
 * duration metric is labelled with it, never with the URL and its ids.
 * Every method but GET/HEAD/OPTIONS is checked before the handler runs: another origin → 403
 * `cross_origin` (before the session is even read), then the wrong media type → 415
 * `unsupported_media_type`. Both checks are on by default, so a new route cannot forget them.
 */
function guarded(getUser: (request: NextRequest) => Promise<SessionUser>) {
  return <P = Record<string, never>>(
    route: string,
    handler: Handler<P>,
    options: RouteOptions = {},
  ) =>
    (request: NextRequest, context: RouteContext<P>): Promise<Response> =>
      observeRequestDuration({ method: request.method, route }, async () => {
        let response: Response;
        try {
          assertSameOrigin(request, getAppOrigins());
          const user = await getUser(request);
          assertContentType(request, options.body ?? "json");
          response = await handler({ request, user, params: await context.params });
        } catch (error) {
          response = errorResponse(error);
        }
        return addTransportSecurity(response);
      });
}

/**
 * For the routes outside `withUser`/`withAdmin` that change something (sign-up, next-auth): the
 * same origin and media-type checks, as an error response to return, or null to go on.
 */
export function refuseUntrustedMutation(
  request: Request,
  accepts: BodyKind | readonly BodyKind[],
): Response | null {
  try {
    assertSameOrigin(request, getAppOrigins());
    assertContentType(request, accepts);
    return null;
  } catch (error) {
    return addTransportSecurity(errorResponse(error));
  }
}

/** Route handler glue: injects the signed-in user (401 otherwise), maps errors, times requests,
 *  refuses cross-origin changes and unexpected bodies. */
export const withUser = guarded(getRequestUserOrThrow);

/** Same as `withUser`, but 403 unless the user is an admin. */
export const withAdmin = guarded(getRequestAdminOrThrow);
