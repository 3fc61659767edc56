import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { ApiClient } from "@/tests/support/api-client";
import { contractPdfs, readContract } from "@/tests/support/contracts";
import { fakeStripeEnv, startFakeStripe } from "@/tests/support/fake-stripe";
import { startTestStack } from "@/tests/support/test-stack";
import { waitFor } from "@/tests/support/wait-for";
import { withoutOcrTools } from "@/tests/support/without-ocr-tools";

export const E2E_USERS_FILE = path.resolve("test-results/e2e-users.json");

/** A private stack for the browser journeys: production build, real worker, own DB and queue. */
export default async function globalSetup() {
  // Stripe's API and hosted Checkout page, stood in for locally (tests/support/fake-stripe.ts).
  const stripe = await startFakeStripe({});
  const stack = await startTestStack({
    name: "e2e",
    port: Number(process.env.E2E_PORT),
    workers: 1,
    // Slow steps a little so the test can watch the progress bar move.
    workerEnv: { ANALYSIS_STEP_DELAY_MS: "700" },
    webEnv: fakeStripeEnv(stripe),
  }).catch(async (error: unknown) => {
    await stripe.close();
    throw error;
  });
  stripe.state.webhookUrl = `${stack.baseUrl}/api/webhooks/stripe`;
  const stop = () => Promise.all([stack.stop(), stripe.close()]).then(() => {});
  let noOcrBaseUrl: string;
  try {
    // The same app on a server without tesseract and poppler (same database, sessions work on
    // both): what a quote says where scanned pages cannot be read.
    noOcrBaseUrl = await stack.startWeb({
      port: Number(process.env.E2E_PORT) + 1,
      env: { ...fakeStripeEnv(stripe), ...withoutOcrTools() },
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const users = {
    user: { email: `e2e-${randomUUID()}@example.com`, password: "e2e user password" },
    admin: { email: `e2e-admin-${randomUUID()}@example.com`, password: "e2e admin password" },
  };
  try {
    // The admin is made while the user's analysis is seeded and fails (seconds of waiting).
    const [failed] = await Promise.all([
      createUserWithCli(stack.env, { ...users.user, role: "user" }).then(() =>
        seedFailedAnalysis(stack, users.user),
      ),
      createUserWithCli(stack.env, { ...users.admin, role: "admin" }),
    ]);
    fs.mkdirSync(path.dirname(E2E_USERS_FILE), { recursive: true });
    fs.writeFileSync(
      E2E_USERS_FILE,
      JSON.stringify({ ...users, failed, databaseUrl: stack.databaseUrl, noOcrBaseUrl }),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}

/**
 * A real failed analysis for the admin journey: the user uploads a contract, its stored bytes rot
 * (we overwrite them), the worker fails it and releases the hold. The test later restores the
 * bytes (the operator's fix) before the admin retries.
 */
async function seedFailedAnalysis(
  stack: { baseUrl: string; databaseUrl: string },
  user: { email: string; password: string },
) {
  const client = new ApiClient(stack.baseUrl);
  await client.signIn(user.email, user.password);
  const contract = contractPdfs()[3]!;
  const uploaded = await client.upload(
    readContract(contract.file),
    contract.name,
    "application/pdf",
  );
  const { document } = (await uploaded.json()) as { document: { id: string; filename: string } };
  const sql = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`update document_blobs set bytes = ${Buffer.from("%PDF-1.7\nrotten bytes")}
      where document_id = ${document.id}`;
    const { body } = await client.json<{ analysis: { id: string } }>("POST", "/api/analyses", {
      json: { documentId: document.id },
    });
    await waitFor(
      async () =>
        (await sql`select status from analyses where id = ${body.analysis.id}`)[0]?.status,
      (status) => status === "failed",
      { timeoutMs: 60_000, what: "the seeded analysis to fail" },
    );
    return {
      analysisId: body.analysis.id,
      documentId: document.id,
      documentName: document.filename,
      file: contract.file,
    };
  } finally {
    await sql.end();
  }
}

/** Accounts are made with the operator CLI against the stack's own database. */
function createUserWithCli(
  env: NodeJS.ProcessEnv,
  user: { email: string; password: string; role: string },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const cli = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/create-user.ts", "--email", user.email, "--role", user.role],
      { env, stdio: ["pipe", "ignore", "pipe"] },
    );
    let stderr = "";
    cli.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    cli.once("error", reject);
    cli.once("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`user:create failed: ${stderr}`)),
    );
    // The password on stdin, as an operator would pipe it (never an argument).
    cli.stdin.end(`${user.password}\n`);
  });
}
