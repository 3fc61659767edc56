import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError, DocumentError, httpStatusOf } from "@/lib/errors";
import { toErrorBody } from "@/lib/http/to-error-body";
import { logger } from "@/lib/logger";
import { rateLimitedError } from "@/lib/rate-limit/rate-limited-error";

function zodErrorOf(schema: z.ZodType, input: unknown): z.ZodError {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected the input to be refused");
  return parsed.error;
}

afterEach(() => vi.restoreAllMocks());

describe("toErrorBody: one error body for routes and server actions", () => {
  it("keeps a typed error's code, message and details, and its code keeps its status", () => {
    expect(
      toErrorBody(
        new AppError("insufficient_credits", "3 more credits are needed.", { missing: 3 }),
      ),
    ).toEqual({
      code: "insufficient_credits",
      message: "3 more credits are needed.",
      details: { missing: 3 },
    });
    expect(toErrorBody(new AppError("not_found", "Analysis not found."))).toEqual({
      code: "not_found",
      message: "Analysis not found.",
    });
    expect(httpStatusOf("insufficient_credits")).toBe(402);
    expect(httpStatusOf("not_found")).toBe(404);
  });

  it("keeps subclasses' codes and the retry hint of a rate limit", () => {
    const refused = toErrorBody(new DocumentError("corrupt", "This file is damaged."));
    expect(refused).toEqual({
      code: "bad_document",
      message: "This file is damaged. Nothing was charged.",
      details: { reason: "corrupt" },
    });
    const limited = toErrorBody(
      rateLimitedError("Too many sign-ups. Try again in {wait}.", 90_500),
    );
    expect(limited.code).toBe("rate_limited");
    expect(limited.details).toEqual({ retryAfterSeconds: 91 });
    expect(httpStatusOf(limited.code)).toBe(429);
  });

  it("turns a zod error into 422 validation with each field's message and fieldErrors for forms", () => {
    const schema = z.object({
      email: z.string().email("Enter a valid email address."),
      password: z.string().min(8, "Use at least 8 characters."),
      filter: z.object({ status: z.enum(["queued", "done"]) }),
    });
    const body = toErrorBody(
      zodErrorOf(schema, { email: "nope", password: "short", filter: { status: "x" } }),
    );
    expect(body.code).toBe("validation");
    expect(httpStatusOf(body.code)).toBe(422);
    expect(body.message).toMatch(
      /^email: Enter a valid email address\.; password: Use at least 8 characters\.; filter\.status: .+$/,
    );
    expect(body.details).toEqual({
      fieldErrors: {
        email: "Enter a valid email address.",
        password: "Use at least 8 characters.",
        "filter.status": expect.any(String),
      },
    });
  });

  it('names a top-level refusal "input"', () => {
    const body = toErrorBody(zodErrorOf(z.string().uuid("Not an id."), "42"));
    expect(body).toEqual({
      code: "validation",
      message: "input: Not an id.",
      details: { fieldErrors: { input: "Not an id." } },
    });
  });

  it("hides anything else behind a generic 500, and logs the cause", () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const cause = new Error('relation "users" does not exist at postgres://admin:secret@db');
    const body = toErrorBody(cause);
    expect(body).toEqual({
      code: "internal",
      message: "Something went wrong on our side. Please try again.",
    });
    expect(httpStatusOf(body.code)).toBe(500);
    expect(JSON.stringify(body)).not.toMatch(/postgres|secret|users/);
    expect(log).toHaveBeenCalledWith({ err: cause }, expect.any(String));
    expect(toErrorBody("a thrown string").code).toBe("internal");
  });
});
