import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ApiClient } from "@/tests/support/api-client";
import { integrationStack } from "@/tests/support/integration-stack";

// The real argon2 verify, watched: which hash did sign-in check?
const verified = vi.hoisted(() => [] as string[]);
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...real,
    verifyPassword: async (hash: string, password: string) => {
      verified.push(hash);
      return real.verifyPassword(hash, password);
    },
  };
});

const { authenticateUser, getDummyPasswordHash } = await import("@/lib/auth/authenticate-user");
const { createUser } = await import("@/lib/auth/create-user");

const stack = integrationStack();
const sql = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });

afterAll(async () => {
  await sql.end();
});

describe("accounts do not reveal which e-mails exist", () => {
  it("sign-up of a taken e-mail answers exactly like a new one and creates nothing", async () => {
    const email = `taken-${randomUUID()}@example.com`;
    const post = (password: string) =>
      new ApiClient(stack.baseUrl).request("POST", "/api/users", { json: { email, password } });

    const fresh = await post("first password 1");
    const taken = await post("second password 2");
    expect(taken.status).toBe(fresh.status);
    expect(fresh.status).toBe(201);
    const [freshBody, takenBody] = [await fresh.json(), await taken.json()];
    expect(Object.keys(takenBody as object).sort()).toEqual(
      Object.keys(freshBody as object).sort(),
    );
    expect(takenBody).toEqual(freshBody);

    // One account, no grant before its e-mail is verified, one verification mail (the second
    // sign-up mailed nothing), and its password is still the first one.
    const accounts = await sql`select id from users where lower(email) = ${email}`;
    expect(accounts).toHaveLength(1);
    const grants = await sql`select count(*)::int as n from credit_entries
      where user_id = ${accounts[0]!.id} and kind = 'grant'`;
    expect(grants[0]!.n).toBe(0);
    const mails = await sql`select kind from mail_outbox where to_address = ${email}`;
    expect(mails.map((m) => m.kind)).toEqual(["verify_email"]);
    await new ApiClient(stack.baseUrl).signIn(email, "first password 1");
    await expect(new ApiClient(stack.baseUrl).signIn(email, "second password 2")).rejects.toThrow(
      /sign-in failed/,
    );
  });

  it("sign-in of an unknown e-mail verifies a hash as costly as a wrong password's", async () => {
    const email = `timing-${randomUUID()}@example.com`;
    await createUser({ email, password: "the real password" });
    const dummy = await getDummyPasswordHash();
    expect(dummy).toMatch(/^\$argon2id\$/);

    verified.length = 0;
    expect(await authenticateUser(`nobody-${randomUUID()}@example.com`, "a guess")).toBeNull();
    expect(verified).toEqual([dummy]);

    // Same work either way, shown by the hashes rather than a stopwatch (timings on a shared CI
    // CPU failed this test once): a wrong password verifies the account's own hash, and the dummy
    // hash has the account hash's algorithm and cost parameters (memory, time, parallelism).
    verified.length = 0;
    expect(await authenticateUser(email, "a wrong password")).toBeNull();
    const [account] = await sql`select password_hash from users where lower(email) = ${email}`;
    expect(verified).toEqual([account!.password_hash]);
    const costOf = (hash: string) => /^\$argon2id\$v=\d+\$m=\d+,t=\d+,p=\d+\$/.exec(hash)?.[0];
    expect(costOf(dummy)).toBeDefined();
    expect(costOf(dummy)).toBe(costOf(String(account!.password_hash)));
  });
});
