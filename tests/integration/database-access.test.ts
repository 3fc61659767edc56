import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import * as schema from "@/lib/db/schema";
import { integrationStack } from "@/tests/support/integration-stack";

const { databaseUrl } = integrationStack();

describe("database access", () => {
  // One connection, so what it prepared can be read back on it.
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const db = drizzle(client, { schema, casing: "snake_case" });
  afterAll(() => client.end());

  it("prepares each query once per connection and reuses it (patches/drizzle-orm)", async () => {
    const lookUp = (id: string) =>
      db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.id, id));
    const before = await client`select count(*)::int as n from pg_prepared_statements`;
    await lookUp(randomUUID());
    const afterFirst = await client`select count(*)::int as n from pg_prepared_statements`;
    await lookUp(randomUUID());
    await lookUp(randomUUID());
    const afterThree = await client`select count(*)::int as n from pg_prepared_statements`;
    // Unpatched, drizzle sends every query unprepared: parsed and planned on every run, and one
    // more round trip (Parse/Describe before Bind/Execute) for a query with parameters.
    expect(afterFirst[0]!.n).toBeGreaterThan(before[0]!.n);
    // Reused, not prepared again (the count query itself was prepared on its first run).
    expect(afterThree[0]!.n).toBe(afterFirst[0]!.n);
  });
});
