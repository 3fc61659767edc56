import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatClient } from "@/lib/analysis/llm/chat-client";
import { createLlmSteps } from "@/lib/analysis/llm/llm-steps";
import { MAX_PROMPT_CHARS } from "@/lib/analysis/llm/prompt-budget";
import { UsageMeter } from "@/lib/analysis/llm/usage-meter";
import { analysisResultSchema } from "@/lib/analysis/result-schema";
import { runAnalysis } from "@/lib/analysis/run-analysis";
import { extractDocumentText } from "@/lib/documents/extract-document-text";
import { DocumentError } from "@/lib/errors";
import { ApiClient } from "@/tests/support/api-client";
import { CONTRACTS_DIR, contractPdfs, readContract } from "@/tests/support/contracts";
import { startFakeChatServer } from "@/tests/support/fake-chat-server";
import { answerLikeAModel, INVENTED_QUOTE } from "@/tests/support/fake-model-answers";
import { confirm, uploadContractNamed, waitForStatus } from "@/tests/support/journey";
import { startTestStack, type TestStack } from "@/tests/support/test-stack";

const CONTRACT = "INTELLIGENTHIGHWAYSOLUTIONS"; // governed by the laws of the State of Colorado

async function contractText() {
  const pdf = contractPdfs().find((c) => c.name.startsWith(CONTRACT));
  return extractDocumentText(readContract(pdf?.file ?? ""), "pdf");
}

const config = (url: string) => ({
  baseUrl: url,
  apiKey: "test-key",
  model: "test-model",
  timeoutMs: 5_000,
  maxRetries: 2,
});

describe("the optional LLM provider (OpenAI chat-completions API, local test server)", () => {
  it("answers the five steps, keeps quoted findings, refuses invented quotes, retries a 500 and counts tokens", async () => {
    let failedOnce = false;
    let badJsonOnce = false;
    const server = await startFakeChatServer((request) => {
      if (!failedOnce) {
        failedOnce = true;
        return { status: 500 };
      }
      if (!badJsonOnce && request.messages[0]?.content.includes('{"consideration"')) {
        badJsonOnce = true;
        return { content: "Sure! Here is the JSON you asked for:" };
      }
      return { content: answerLikeAModel(request) };
    });
    try {
      const text = await contractText();
      const meter = new UsageMeter("test-model");
      const result = await runAnalysis(text, {
        steps: createLlmSteps(createChatClient(config(server.url)), meter),
      });

      expect(analysisResultSchema.safeParse(result).success).toBe(true);
      const law = result.keyClauses.governingLaw;
      expect(law.value).toBe("Colorado");
      const page = text.units
        .find((u) => u.index === law.evidence?.unit)
        ?.text.replace(/\s+/g, " ");
      expect(page).toContain(law.evidence?.quote);
      // Invented quotes never reach the result.
      expect(result.keyClauses.liabilityCap).toEqual({
        value: null,
        display: "Not found",
        evidence: null,
      });
      expect(result.term.initialTerm.value).toBeNull();
      expect(JSON.stringify(result)).not.toContain(INVENTED_QUOTE);
      // Risk flags come from the same rules: no cap found → uncapped liability.
      expect(result.riskFlags.map((f) => f.code)).toContain("uncapped_liability");

      // 1 × 500 retried by the SDK, 5 steps, 1 repeat for the answer that was not JSON.
      expect(server.requests).toHaveLength(7);
      expect(meter.totals()).toEqual({
        model: "test-model",
        calls: 6,
        promptTokens: 6_000,
        completionTokens: 300,
      });
      for (const request of server.requests) {
        expect(request.authorization).toBe("Bearer test-key");
        expect(request.model).toBe("test-model");
        expect(request.temperature).toBe(0);
        expect(request.response_format).toEqual({ type: "json_object" });
      }
    } finally {
      await server.close();
    }
  });

  it("gives up with an error when the server does not answer within the timeout, after its retries", async () => {
    const server = await startFakeChatServer(() => ({ delayMs: 10_000, content: "{}" }));
    try {
      const started = Date.now();
      await expect(
        runAnalysis(await contractText(), {
          steps: createLlmSteps(
            createChatClient({ ...config(server.url), timeoutMs: 300, maxRetries: 1 }),
            new UsageMeter("test-model"),
          ),
        }),
      ).rejects.toThrow(/timed out/i);
      expect(server.requests).toHaveLength(2);
      expect(Date.now() - started).toBeLessThan(8_000);
    } finally {
      await server.close();
    }
  });
});

/** A plain-text contract longer than one prompt: a real contract's text, repeated, then an end. */
function longTextContract(): { bytes: Uint8Array } {
  const contract = readFileSync(path.join(CONTRACTS_DIR, "txt", listTxt()[0] ?? ""), "utf8");
  const lastParagraph = "This last paragraph is beyond any prompt budget.";
  const text = `${contract}\n\n`.repeat(Math.ceil(MAX_PROMPT_CHARS / contract.length) + 1);
  return { bytes: new TextEncoder().encode(`${text}${lastParagraph}\n`) };
}

const listTxt = () =>
  readdirSync(path.join(CONTRACTS_DIR, "txt"))
    .filter((f) => f.endsWith(".txt"))
    .sort();

describe("a text document longer than one prompt", () => {
  it("is refused by the LLM steps before any model call, never analysed on a prefix", async () => {
    const server = await startFakeChatServer((request) => ({ content: answerLikeAModel(request) }));
    try {
      const text = await extractDocumentText(longTextContract().bytes, "text");
      const meter = new UsageMeter("test-model");
      const run = runAnalysis(text, {
        steps: createLlmSteps(createChatClient(config(server.url)), meter),
      });
      await expect(run).rejects.toBeInstanceOf(DocumentError);
      await expect(run).rejects.toMatchObject({
        reason: "too_long_for_model",
        message: expect.stringMatching(/the limit is 400,000\)\. .*Nothing was charged\.$/),
      });
      expect(server.requests).toHaveLength(0);
      expect(meter.totals().calls).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe("a worker with ANALYSIS_PROVIDER=openai", () => {
  let stack: TestStack;
  let server: Awaited<ReturnType<typeof startFakeChatServer>>;

  beforeAll(async () => {
    server = await startFakeChatServer((request) => ({ content: answerLikeAModel(request) }));
    stack = await startTestStack({
      name: "llm",
      port: 12_000 + Math.floor(Math.random() * 4_000),
      workers: 1,
      // Web and worker alike: the upload refuses what the model could not read whole.
      env: {
        ANALYSIS_PROVIDER: "openai",
        LLM_BASE_URL: server.url,
        LLM_MODEL: "test-model",
        LLM_API_KEY: "test-key",
        LOG_LEVEL: "info",
      },
    });
  });

  afterAll(async () => {
    await stack?.stop();
    await server?.close();
  });

  it("analyzes through the model, held to the evidence rule, and records the token use on the timeline", async () => {
    const { client } = await ApiClient.signUp(stack.baseUrl);
    const upload = await uploadContractNamed(client, CONTRACT);
    const { body } = await confirm(client, upload.document.id, randomUUID());
    const { last } = await waitForStatus(client, body.analysis.id, ["succeeded", "failed"]);
    expect(last.error).toBeNull();
    expect(last.status).toBe("succeeded");

    const sql = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql<{ result: { keyClauses: { governingLaw: { value: string } } } }[]>`
        select result from analyses where id = ${body.analysis.id}`;
      expect(row?.result.keyClauses.governingLaw.value).toBe("Colorado");
      const usage = await sql<{ data: { calls: number; promptTokens: number; model: string } }[]>`
        select data from analysis_events where analysis_id = ${body.analysis.id} and type = 'llm_usage'`;
      expect(usage.map((u) => u.data)).toEqual([
        expect.objectContaining({ model: "test-model", calls: 5, promptTokens: 5_000 }),
      ]);
    } finally {
      await sql.end();
    }
    const memo = await client.request("GET", `/api/analyses/${body.analysis.id}/memo`);
    expect(await memo.text()).toContain("Colorado");
    expect(server.requests.length).toBeGreaterThanOrEqual(5);
  });

  it("refuses at upload a text document the model could not read whole: no quote, nothing held", async () => {
    const { client } = await ApiClient.signUp(stack.baseUrl);
    const before = server.requests.length;
    const response = await client.upload(longTextContract().bytes, "long.txt", "text/plain");
    expect(response.status).toBe(422);
    const body = (await response.json()) as {
      error: { code: string; message: string; details?: { reason?: string } };
    };
    expect(body.error.code).toBe("bad_document");
    expect(body.error.details?.reason).toBe("too_long_for_model");
    expect(body.error.message).toMatch(/the limit is 400,000\)\. Split it .*Nothing was charged\./);
    const list = await client.json<{ analyses: unknown[] }>("GET", "/api/analyses");
    expect(list.body.analyses).toEqual([]);
    expect(server.requests.length).toBe(before);
  });

  it("fails in the worker, before any model call, a long text document a web process on the rules let through: nothing charged", async () => {
    // A web process not told about the model (ANALYSIS_PROVIDER=rules) quotes it.
    const rulesWeb = await stack.startWeb({
      port: Number(new URL(stack.baseUrl).port) + 1,
      env: { ANALYSIS_PROVIDER: "rules" },
    });
    const { client } = await ApiClient.signUp(rulesWeb);
    const balance = async () =>
      (await client.json<{ balance: unknown }>("GET", "/api/me/credits")).body.balance;
    const before = await balance();
    const response = await client.upload(longTextContract().bytes, "long.txt", "text/plain");
    expect(response.status).toBe(201);
    const upload = (await response.json()) as { document: { id: string } };
    const requestsBefore = server.requests.length;
    const { body } = await confirm(client, upload.document.id, randomUUID());
    const { last } = await waitForStatus(client, body.analysis.id, ["succeeded", "failed"]);
    expect(last.status).toBe("failed");
    expect(last.error?.code).toBe("bad_document");
    expect(last.error?.message).toMatch(/the limit is 400,000\)\. .*Nothing was charged\./);
    // No prompt was sent, so none carried a prefix of the document.
    expect(server.requests.slice(requestsBefore)).toEqual([]);
    expect(await balance()).toEqual(before);
  });
});
