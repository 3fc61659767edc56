/**
 * One error hierarchy for the whole app. Domain code throws AppError with a code; the HTTP glue
 * maps the code to a status (`httpStatusOf`) and a body (`lib/http/to-error-body.ts`); the worker
 * never retries an AppError (`lib/jobs/run-attempt.ts`).
 */
export type AppErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "validation"
  | "conflict"
  | "insufficient_credits"
  | "unsupported_type"
  | "payload_too_large"
  | "bad_document"
  | "idempotency_mismatch"
  | "duplicate_document"
  | "not_a_contract"
  | "account_disabled"
  | "cross_origin"
  | "unsupported_media_type"
  | "rate_limited"
  | "unavailable"
  | "internal";

const statusByCode: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  validation: 422,
  conflict: 409,
  insufficient_credits: 402,
  unsupported_type: 415,
  payload_too_large: 413,
  bad_document: 422,
  idempotency_mismatch: 422,
  duplicate_document: 409,
  not_a_contract: 422,
  account_disabled: 403,
  cross_origin: 403,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** The HTTP status an error code answers with (every code has one: the record is exhaustive). */
export function httpStatusOf(code: AppErrorCode): number {
  return statusByCode[code];
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Extra fields safe to show to the client (e.g. `{ missing: 3 }`). */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get httpStatus(): number {
    return httpStatusOf(this.code);
  }

  /** Whole seconds a client should wait before trying again (429 / 503), from `details`. */
  get retryAfterSeconds(): number | undefined {
    const value = this.details?.retryAfterSeconds;
    return typeof value === "number" && value > 0 ? Math.ceil(value) : undefined;
  }
}

/** A document the pipeline cannot process: retrying will never help, and the user pays nothing. */
export class DocumentError extends AppError {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    // A refused document never costs anything, and the user is told so (design.md).
    super(
      "bad_document",
      /nothing was charged/i.test(message) ? message : `${message} Nothing was charged.`,
      { reason },
    );
    this.name = "DocumentError";
  }
}

/** Why one scanned page could not be recognised (`OcrPageError.failure`, also its `reason`). */
export type OcrFailure =
  | "page_too_large"
  | "ocr_timeout"
  | "ocr_memory"
  | "corrupt_image"
  | "ocr_unavailable";

/**
 * One page of a scan that OCR could not read. A document error like any other (never retried,
 * nothing charged); the message names the page and why, e.g. "Page 3 could not be read: the
 * scanned image is too large (20,000 × 20,000 pixels)."
 */
export class OcrPageError extends DocumentError {
  constructor(
    readonly pageNumber: number,
    readonly failure: OcrFailure,
    why: string,
  ) {
    super(failure, `Page ${pageNumber} could not be read: ${why}.`);
    this.name = "OcrPageError";
  }
}

export function notFound(what: string): AppError {
  return new AppError("not_found", `${what} not found.`);
}
