import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "@/tests/support/api-client";
import { confirm, uploadContract } from "@/tests/support/journey";
import { startTestStack, type TestStack } from "@/tests/support/test-stack";

// Strict limits on a private server; the shared stack's are out of reach (TEST_RATE_LIMITS).
const STRICT = {
  RATE_LIMIT_SIGNIN_IP: "15/1m",
  SIGNIN_LOCKOUT_AFTER: "3",
  SIGNIN_LOCKOUT_SECONDS: "1",
  SIGNIN_LOCKOUT_MAX_SECONDS: "4",
  RATE_LIMIT_SIGNUP_IP: "3/1h",
  RATE_LIMIT_UPLOAD_USER: "3/1h",
  RATE_LIMIT_CONFIRM_USER: "3/1h",
  RATE_LIMIT_PASSWORD_RESET: "3/1h",
  RATE_LIMIT_AUTH_LINK_IP: "3/1h",
};

let stack: TestStack;
/** Behind one trusted proxy: each test names its own client IP in X-Forwarded-For. */
let proxied: string;
/** No trusted proxy: the client IP is the socket address, whatever the headers say. */
let direct: string;

let nextIp = 10;
const freshIp = () => `203.0.113.${nextIp++}`;
const asClient = (ip: string) => ({ "x-forwarded-for": ip });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  const port = 12_000 + Math.floor(Math.random() * 3_990);
  stack = await startTestStack({
    name: "limits",
    port,
    workers: 0,
    webEnv: { ...STRICT, TRUSTED_PROXY_COUNT: "1" },
  });
  proxied = stack.baseUrl;
  direct = await stack.startWeb({ port: port + 1, env: { ...STRICT, TRUSTED_PROXY_COUNT: "0" } });
});

afterAll(async () => {
  await stack?.stop();
});

type SignInAnswer = {
  status: number;
  retryAfter: number | null;
  body: {
    url?: string;
    error?: { code: string; message: string; details?: Record<string, unknown> };
  };
};

async function signIn(baseUrl: string, ip: string, email: string, password: string) {
  const client = new ApiClient(baseUrl, asClient(ip));
  const csrf = await client.json<{ csrfToken: string }>("GET", "/api/auth/csrf");
  const response = await client.request("POST", "/api/auth/callback/credentials", {
    form: { email, password, csrfToken: csrf.body.csrfToken, json: "true" },
  });
  const retryAfter = response.headers.get("retry-after");
  return {
    status: response.status,
    retryAfter: retryAfter === null ? null : Number(retryAfter),
    body: (await response.json()) as SignInAnswer["body"],
  } satisfies SignInAnswer;
}

async function signUp(baseUrl: string, headers: Record<string, string>) {
  const client = new ApiClient(baseUrl, headers);
  const response = await client.request("POST", "/api/users", {
    json: { email: `limits-${randomUUID()}@example.com`, password: "correct horse battery" },
  });
  const body = (await response.json()) as { error?: { code: string; message: string } };
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body };
}

describe("sign-in limits", () => {
  it("locks an e-mail out after 3 wrong passwords in a row, each lockout twice as long", async () => {
    const ip = freshIp();
    const { email, password } = await ApiClient.signUp(proxied, { headers: asClient(ip) });
    const waits: number[] = [];
    for (const expected of [1, 2, 4]) {
      expect((await signIn(proxied, ip, email, "wrong password 1")).status).toBe(401);
      expect((await signIn(proxied, ip, email, "wrong password 2")).status).toBe(401);
      const locked = await signIn(proxied, ip, email, "wrong password 3");
      expect(locked.status).toBe(429);
      expect(locked.retryAfter).toBe(expected);
      expect(locked.body.error?.code).toBe("rate_limited");
      expect(locked.body.error?.details?.retryAfterSeconds).toBe(expected);
      // next-auth's own signIn() reads the reason from `url`: the form says how long to wait.
      expect(new URL(locked.body.url!).searchParams.get("error")).toBe(`RateLimited:${expected}`);
      // While locked, even the right password is refused without being checked.
      const right = await signIn(proxied, ip, email, password);
      expect(right.status).toBe(429);
      expect(right.retryAfter).toBeGreaterThanOrEqual(1);
      expect(right.retryAfter).toBeLessThanOrEqual(expected);
      waits.push(locked.retryAfter!);
      // Once a lockout has passed, the pair gets 3 fresh tries (the 401s of the next round).
      if (expected < 4) await sleep(expected * 1000 + 150);
    }
    console.log(`[limits] lockout Retry-After grows: ${waits.join(" → ")} s`);
    // The same account from another address was never locked out.
    expect((await signIn(proxied, freshIp(), email, password)).status).toBe(200);
  });

  it("stops one IP trying passwords across many accounts after 15 attempts", async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 17; i++) {
      const answer = await signIn(proxied, ip, `nobody-${i}-${randomUUID()}@example.com`, "guess");
      statuses.push(answer.status);
      if (answer.status === 429) {
        expect(answer.retryAfter).toBeGreaterThan(50);
        expect(answer.retryAfter).toBeLessThanOrEqual(60);
      }
    }
    expect(statuses).toEqual([...Array(15).fill(401), 429, 429]);
    // Another address is not affected.
    expect((await signIn(proxied, freshIp(), "nobody@example.com", "guess")).status).toBe(401);
  });
});

describe("sign-up limits and client IPs", () => {
  it("allows 3 sign-ups per IP, then answers 429 with Retry-After", async () => {
    const ip = freshIp();
    for (let i = 0; i < 3; i++) expect((await signUp(proxied, asClient(ip))).status).toBe(201);
    const refused = await signUp(proxied, asClient(ip));
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(3_500);
    expect(refused.body.error?.code).toBe("rate_limited");
    expect(refused.body.error?.message).toMatch(/Try again in 1 hour/);
  });

  it("with no trusted proxy, a spoofed X-Forwarded-For does not escape the per-IP limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await signUp(direct, { "x-forwarded-for": `198.51.100.${i}` })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
  });

  it("with one trusted proxy, counts the address the proxy appended, not what the client wrote", async () => {
    const client = freshIp();
    const spoofed = (fake: string) => ({ "x-forwarded-for": `${fake}, ${client}` });
    const statuses: number[] = [];
    for (const fake of ["1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4"]) {
      statuses.push((await signUp(proxied, spoofed(fake))).status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    // A different client address behind the same proxy has its own budget.
    expect((await signUp(proxied, { "x-forwarded-for": `${client}, ${freshIp()}` })).status).toBe(
      201,
    );
  });
});

describe("password-reset limits", () => {
  const askReset = async (ip: string, email: string) => {
    const response = await new ApiClient(proxied, asClient(ip)).request(
      "POST",
      "/api/auth/password-reset",
      { json: { email } },
    );
    const body = (await response.json()) as { error?: { code: string; message: string } };
    return { status: response.status, retryAfter: response.headers.get("retry-after"), body };
  };

  it("allows 3 requests per IP, then 429 with Retry-After, for unknown e-mails alike", async () => {
    const ip = freshIp();
    for (let i = 0; i < 3; i++) {
      expect((await askReset(ip, `nobody-${randomUUID()}@example.com`)).status).toBe(202);
    }
    const refused = await askReset(ip, `nobody-${randomUUID()}@example.com`);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(3_500);
    expect(refused.body.error?.message).toMatch(/Too many password-reset requests/);
  });

  it("allows 3 requests per e-mail, whichever IPs they come from", async () => {
    const email = `reset-${randomUUID()}@example.com`;
    for (let i = 0; i < 3; i++) expect((await askReset(freshIp(), email)).status).toBe(202);
    expect((await askReset(freshIp(), email)).status).toBe(429);
    // Another e-mail from a fresh IP still gets through.
    expect((await askReset(freshIp(), `other-${randomUUID()}@example.com`)).status).toBe(202);
  });
});

describe("mailed-link limits", () => {
  it("allows 3 link uses per IP across verify, reset and e-mail change, then 429", async () => {
    const ip = freshIp();
    const use = (path: string, json: object) =>
      new ApiClient(proxied, asClient(ip)).request("POST", path, { json });
    const token = "A".repeat(43);
    expect((await use("/api/auth/verify-email", { token })).status).toBe(422);
    expect(
      (await use("/api/auth/password-reset/confirm", { token, password: "a new password" })).status,
    ).toBe(422);
    expect((await use("/api/auth/email-change/confirm", { token })).status).toBe(422);
    const refused = await use("/api/auth/verify-email", { token });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3_500);
    // Another network is not held back.
    const other = await new ApiClient(proxied, asClient(freshIp())).request(
      "POST",
      "/api/auth/verify-email",
      { json: { token } },
    );
    expect(other.status).toBe(422);
  });
});

describe("upload and confirm limits", () => {
  it("allows 3 uploads per user, then 429 with Retry-After before reading the file", async () => {
    const { client } = await ApiClient.signUp(proxied, { headers: asClient(freshIp()) });
    for (let i = 0; i < 3; i++) await uploadContract(client, 0);
    const refused = await client.upload(new Uint8Array(1024), "contract.pdf", "application/pdf");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3_500);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/Try again in 1 hour/);
    // Another user is not affected.
    const other = await ApiClient.signUp(proxied, { headers: asClient(freshIp()) });
    await uploadContract(other.client, 0);
  });

  it("counts every file of a batch against the upload limit, and refuses a batch over it whole", async () => {
    const { client } = await ApiClient.signUp(proxied, { headers: asClient(freshIp()) });
    const twoFiles = () => {
      const form = new FormData();
      for (const name of ["a.txt", "b.txt"]) {
        form.append("file", new Blob(["Agreement. Customer shall pay $5."]), name);
      }
      return form;
    };
    const first = await client.request("POST", "/api/batches", { multipart: twoFiles() });
    expect(first.status).toBe(201);
    // 2 of 3 used: one more batch of two needs 2.
    const refused = await client.request("POST", "/api/batches", { multipart: twoFiles() });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3_500);
    const list = await client.json<{ batches: unknown[] }>("GET", "/api/batches");
    expect(list.body.batches).toHaveLength(1);
  });

  it("allows 3 confirms per user, then 429 with Retry-After; nothing more is held", async () => {
    const { client } = await ApiClient.signUp(proxied, { headers: asClient(freshIp()) });
    const { document } = await uploadContract(client, 0);
    const first = await confirm(client, document.id);
    expect(first.status).toBe(202);
    // Repeats of the same confirm (new keys) answer the active analysis; they still count.
    expect((await confirm(client, document.id)).body.analysis.id).toBe(first.body.analysis.id);
    expect((await confirm(client, document.id)).body.analysis.id).toBe(first.body.analysis.id);
    const response = await client.request("POST", "/api/analyses", {
      json: { documentId: document.id },
      headers: { "idempotency-key": randomUUID() },
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(3_500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/nothing was charged/);
    const credits = await client.json<{ balance: { held: number } }>("GET", "/api/me/credits");
    expect(credits.body.balance.held).toBe(first.body.analysis.priceCredits);
  });
});
