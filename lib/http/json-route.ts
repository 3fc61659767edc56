import { type NextRequest, NextResponse } from "next/server";
import {
  getRequestAdminOrThrow,
  getRequestUserOrThrow,
  type SessionUser,
} from "@/lib/auth/session";
import { AppError, httpStatusOf } from "@/lib/errors";
import { addTransportSecurity } from "@/lib/http/add-transport-security";
import { assertContentType, type BodyKind } from "@/lib/http/assert-content-type";
import { assertSameOrigin } from "@/lib/http/assert-same-origin";
import { getAppOrigins } from "@/lib/http/get-app-origins";
import { type ErrorBody, toErrorBody } from "@/lib/http/to-error-body";
import { observeRequestDuration } from "@/lib/metrics/observe-request-duration";

/** Typed errors → their status (429/503 with Retry-After); zod → 422; anything else → 500. */
function errorResponse(error: unknown): NextResponse<{ error: ErrorBody }> {
  const body = toErrorBody(error);
  const retryAfter = error instanceof AppError ? error.retryAfterSeconds : undefined;
  return NextResponse.json(
    { error: body },
    {
      status: httpStatusOf(body.code),
      ...(retryAfter ? { headers: { "retry-after": String(retryAfter) } } : {}),
    },
  );
}

type RouteContext<P> = { params: Promise<P> };

type Handler<P, A> = (args: { request: Request; params: P } & A) => Promise<Response>;

type RouteOptions = {
  /** What a POST/PUT/PATCH/DELETE reads from its body (checked by media type; default `json`). */
  body?: BodyKind | readonly BodyKind[];
};

/**
 * `route` is the handler's route template as in `app/` (`/api/analyses/[id]`): the request
 * duration metric is labelled with it, never with the URL and its ids.
 * Every method but GET/HEAD/OPTIONS is checked before the handler runs: another origin → 403
 * `cross_origin` (before the session is even read), then the wrong media type → 415
 * `unsupported_media_type`. Both checks are on by default, so a new route cannot forget them.
 * Every answer, error or not, gets HSTS (`addTransportSecurity`).
 */
function jsonRoute<A>(authenticate: (request: NextRequest) => Promise<A>) {
  return <P = Record<string, never>>(
    route: string,
    handler: Handler<P, A>,
    options: RouteOptions = {},
  ) =>
    (request: NextRequest, context: RouteContext<P>): Promise<Response> =>
      observeRequestDuration({ method: request.method, route }, async () => {
        let response: Response;
        try {
          assertSameOrigin(request, getAppOrigins());
          const who = await authenticate(request);
          assertContentType(request, options.body ?? "json");
          response = await handler({ request, params: await context.params, ...who });
        } catch (error) {
          response = errorResponse(error);
        }
        return addTransportSecurity(response);
      });
}

/** Route handler glue for routes anyone may call (health, sign-up, next-auth): the same origin
 *  and media-type checks, error mapping, timing and headers as `withUser`, without a session. */
export const withPublic = jsonRoute(async () => ({}));

/** Route handler glue: injects the signed-in user (401 otherwise), maps errors, times requests,
 *  refuses cross-origin changes and unexpected bodies. */
export const withUser = jsonRoute(
  async (request): Promise<{ user: SessionUser }> => ({
    user: await getRequestUserOrThrow(request),
  }),
);

/** Same as `withUser`, but 403 unless the user is an admin. */
export const withAdmin = jsonRoute(
  async (request): Promise<{ user: SessionUser }> => ({
    user: await getRequestAdminOrThrow(request),
  }),
);
