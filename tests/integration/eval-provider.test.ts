import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";
import { projectRoot } from "@/tests/support/child-processes";
import { CONTRACTS_DIR } from "@/tests/support/contracts";
import {
  type ChatRequest,
  sectionAsked,
  startFakeChatServer,
} from "@/tests/support/fake-chat-server";
import { answerLikeAModel } from "@/tests/support/fake-model-answers";

/** `npm run eval -- …` as a user runs it, with only the given LLM settings in its environment. */
function runEval(args: string[], llmEnv: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...llmEnv };
  for (const name of ["ANALYSIS_PROVIDER", "LLM_BASE_URL", "LLM_MODEL", "LLM_API_KEY"]) {
    if (!(name in llmEnv)) delete env[name];
  }
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "scripts/eval.ts", ...args],
      { cwd: projectRoot, env },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

/** The `[page N]` markers of the contract text a request carries. */
function pagesSent(request: ChatRequest): number[] {
  const text = request.messages.find((m) => m.role === "user")?.content ?? "";
  return [...text.matchAll(/^\[page (\d+)\]$/gm)].map((m) => Number(m[1]));
}

describe("npm run eval -- --provider openai", () => {
  it("scores contracts through the worker's model, in the worker's page chunks, and prints the tokens spent", async () => {
    const server = await startFakeChatServer((request) => ({ content: answerLikeAModel(request) }));
    try {
      const run = await runEval(
        ["--dir", CONTRACTS_DIR, "--provider", "openai", "--limit", "2"],
        // Chunks of 3 pages, so these short contracts are sent in chunks as long ones are.
        { LLM_BASE_URL: server.url, LLM_MODEL: "test-model", LLM_API_KEY: "k", CHUNK_PAGES: "3" },
      );
      expect(run.stderr).not.toMatch(/error/i);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^2 contracts \(all\)/);
      const lines = run.stdout.trimEnd().split("\n");
      expect(lines.at(-2)).toMatch(/^eval: governing_law \d\.\d\d, agreement_date \d\.\d\d, /);
      expect(lines.at(-1)).toMatch(/^eval-present: governing_law \d\.\d\d\/\d\.\d\d, /);

      const calls = server.requests.length;
      expect(run.stdout).toContain(
        `eval-usage: model=test-model calls=${calls} prompt_tokens=${calls * 1_000} completion_tokens=${calls * 50} `,
      );
      // Identified once per contract, from its first chunk (pages 1–4); then every chunk's pages.
      const identify = server.requests.filter((r) => sectionAsked(r) === "identification");
      expect(identify).toHaveLength(2);
      for (const request of identify)
        expect(Math.max(...pagesSent(request))).toBeLessThanOrEqual(4);
      const chunks = server.requests.filter((r) => sectionAsked(r) === "term");
      expect(chunks.length).toBeGreaterThan(2);
      for (const request of chunks) expect(pagesSent(request).length).toBeLessThanOrEqual(4);
      expect(calls).toBe(2 + chunks.length * 4);
      expect(Math.max(...chunks.flatMap(pagesSent))).toBeGreaterThan(4);
    } finally {
      await server.close();
    }
  });

  it("stops with a clear message when the worker's LLM settings are missing", async () => {
    const run = await runEval(["--dir", CONTRACTS_DIR, "--provider", "openai", "--limit", "1"], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--provider openai uses the worker's LLM settings");
    expect(run.stderr).toContain("LLM_BASE_URL and LLM_MODEL are not set");
    expect(run.stdout).not.toContain("eval:");
  });
});
