import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSchemaGaps } from "@/lib/db/check-schema";
import { projectRoot } from "@/tests/support/child-processes";
import { integrationStack } from "@/tests/support/integration-stack";
import { createTestDatabase, newRunId } from "@/tests/support/test-stack";

// Web and worker refuse a database that is older than their code (docs/deploy.md: migrations
// are the release step). Each case damages its own fresh database, never the stack's.
const stack = integrationStack();

async function withDamagedDatabase(
  damage: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const database = await createTestDatabase(newRunId("schema"));
  const sql = postgres(database.databaseUrl, { max: 1, onnotice: () => {} });
  await sql.unsafe(damage);
  await sql.end();
  return { url: database.databaseUrl, drop: database.drop };
}

/** The newest migration's tag, from the journal the check itself reads. */
function lastMigrationTag(): string {
  const journal = JSON.parse(
    fs.readFileSync(path.join(projectRoot, "drizzle", "meta", "_journal.json"), "utf8"),
  ) as { entries: { tag: string }[] };
  const last = journal.entries.at(-1);
  if (!last) throw new Error("the migrations journal is empty");
  return last.tag;
}

function startAgainst(command: string, args: string[], databaseUrl: string) {
  return spawnSync(command, args, {
    cwd: projectRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: stack.redisUrl,
      QUEUE_PREFIX: `schema-check-${process.pid}`,
      LOG_LEVEL: "warn",
    },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("web and worker refuse a database older than their code", () => {
  const dropped: Array<() => Promise<void>> = [];
  let droppedColumnUrl = "";

  beforeAll(async () => {
    const damaged = await withDamagedDatabase("alter table analyses drop column heartbeat_at");
    dropped.push(damaged.drop);
    droppedColumnUrl = damaged.url;
  });
  afterAll(async () => {
    for (const drop of dropped) await drop();
  });

  it("finds nothing missing on a freshly migrated database", async () => {
    const database = await createTestDatabase(newRunId("schema"));
    dropped.push(database.drop);
    const sql = postgres(database.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      expect(await findSchemaGaps(sql)).toEqual([]);
    } finally {
      await sql.end();
    }
  });

  it("names a migration that is not applied, and a column that is missing although its migration is", async () => {
    const damaged = await withDamagedDatabase(
      "delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)",
    );
    dropped.push(damaged.drop);
    const sql = postgres(damaged.url, { max: 1, onnotice: () => {} });
    try {
      expect(await findSchemaGaps(sql)).toEqual([`migrations not applied: ${lastMigrationTag()}`]);
    } finally {
      await sql.end();
    }
    const dropColumn = postgres(droppedColumnUrl, { max: 1, onnotice: () => {} });
    try {
      expect(await findSchemaGaps(dropColumn)).toEqual([
        "table analyses lacks column(s) heartbeat_at",
      ]);
    } finally {
      await dropColumn.end();
    }
  });

  it("the worker exits at start with one message naming the missing column", () => {
    const worker = startAgainst(
      process.execPath,
      ["--import", "tsx", "worker/index.ts"],
      droppedColumnUrl,
    );
    expect(worker.error).toBeUndefined(); // exited by itself, not killed by the timeout
    expect(worker.status).toBe(1);
    expect(worker.stderr).toContain("[worker] cannot start.");
    expect(worker.stderr).toContain("table analyses lacks column(s) heartbeat_at");
    expect(worker.stderr).toContain("npm run db:migrate");
    expect(worker.stdout).not.toContain('"msg":"ready"');
  });

  it("the web server exits at start with the same message instead of serving", () => {
    const port = String(12_000 + Math.floor(Math.random() * 4_000));
    const web = startAgainst(
      path.join(projectRoot, "node_modules/.bin/next"),
      ["start", "-p", port, "-H", "127.0.0.1"],
      droppedColumnUrl,
    );
    expect(web.error).toBeUndefined();
    expect(web.status).not.toBe(0);
    expect(`${web.stdout}${web.stderr}`).toContain("[web] cannot start.");
    expect(`${web.stdout}${web.stderr}`).toContain("table analyses lacks column(s) heartbeat_at");
  });
});
