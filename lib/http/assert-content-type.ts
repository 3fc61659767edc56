import { AppError } from "@/lib/errors";
import { SAFE_METHODS } from "@/lib/http/assert-same-origin";

/**
 * What a mutating route reads from its body. `none`: the route reads no body (a bodyless POST,
 * or one marked `application/json` by a generic client, is fine).
 */
export type BodyKind = "json" | "multipart" | "form" | "none";

const mediaTypes: Record<Exclude<BodyKind, "none">, string> = {
  json: "application/json",
  multipart: "multipart/form-data",
  form: "application/x-www-form-urlencoded",
};

/**
 * A mutating request must carry the media type its route reads. Defence in depth behind
 * `assertSameOrigin`: the bodies a cross-site `<form>` (or a CORS-"simple" fetch) can send are
 * `text/plain`, `application/x-www-form-urlencoded` and `multipart/form-data`, so a JSON route
 * refusing those is out of reach of the classic form CSRF even for a browser that sends neither
 * `Sec-Fetch-Site` nor `Origin`. Safe methods always pass.
 */
export function assertContentType(request: Request, accepts: BodyKind | readonly BodyKind[]): void {
  if (SAFE_METHODS.has(request.method)) return;
  const kinds: readonly BodyKind[] = typeof accepts === "string" ? [accepts] : accepts;
  const header = request.headers.get("content-type");
  const mediaType = header?.split(";")[0]?.trim().toLowerCase() ?? "";
  const ok = kinds.some((kind) =>
    kind === "none"
      ? mediaType === "" || mediaType === mediaTypes.json
      : mediaType === mediaTypes[kind],
  );
  if (ok) return;
  const expected = kinds.map((kind) => (kind === "none" ? "no body" : mediaTypes[kind]));
  throw new AppError(
    "unsupported_media_type",
    `This endpoint accepts ${expected.join(" or ")}, not ${mediaType || "a body without a Content-Type"}.`,
    { expected, received: mediaType || null },
  );
}
