import { beforeAll, describe, expect, it } from "vitest";
import { MEMO_FORMATS, type MemoFormat } from "@/lib/analysis/export/memo-formats";
import { ApiClient } from "@/tests/support/api-client";
import { integrationStack } from "@/tests/support/integration-stack";
import { confirm, uploadContract, waitForStatus } from "@/tests/support/journey";
import { readDocxText, readPdfText } from "@/tests/support/read-memo-exports";

const { baseUrl } = integrationStack();

const CONTENT_TYPES: Record<MemoFormat, RegExp> = {
  md: /^text\/markdown; charset=utf-8$/,
  docx: /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document$/,
  pdf: /^application\/pdf$/,
};

const STEP_HEADINGS = [
  "Step 1 — Identify the contract",
  "Step 2 — Identify the performance obligations",
  "Step 3 — Determine the transaction price",
  "Step 4 — Allocate the transaction price",
  "Step 5 — Recognize revenue",
];

const memoPath = (id: string, query = "") => `/api/analyses/${id}/memo${query}`;

describe("memo downloads as Markdown, Word and PDF", () => {
  let client: ApiClient;
  let analysisId: string;

  beforeAll(async () => {
    ({ client } = await ApiClient.signUp(baseUrl));
    const upload = await uploadContract(client);
    const { body } = await confirm(client, upload.document.id);
    analysisId = body.analysis.id;
    const { last } = await waitForStatus(client, analysisId, ["succeeded", "failed"]);
    expect(last.status).toBe("succeeded");
  });

  it("downloads each format as an attachment named after the contract", async () => {
    for (const format of MEMO_FORMATS) {
      const response = await client.request("GET", memoPath(analysisId, `?format=${format}`));
      expect(response.status, format).toBe(200);
      expect(response.headers.get("content-type"), format).toMatch(CONTENT_TYPES[format]);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      const disposition = response.headers.get("content-disposition") ?? "";
      expect(disposition, format).toMatch(
        new RegExp(
          `^attachment; filename=".+ - memo\\.${format}"; filename\\*=UTF-8''.+memo\\.${format}$`,
        ),
      );
      expect(disposition).not.toMatch(/\.pdf - memo/);
      await response.arrayBuffer();
    }
  });

  it("says the same things in all three: title, the five steps, key terms, citations", async () => {
    const markdown = await (await client.request("GET", memoPath(analysisId))).text();
    const docx = await readDocxText(
      new Uint8Array(
        await (await client.request("GET", memoPath(analysisId, "?format=docx"))).arrayBuffer(),
      ),
    );
    const pdf = await readPdfText(
      new Uint8Array(
        await (await client.request("GET", memoPath(analysisId, "?format=pdf"))).arrayBuffer(),
      ),
    );
    // The Markdown's title line, unescaped, is the title of the other two.
    const title = (markdown.split("\n")[0] ?? "").replace(/^# /, "").replace(/\\(.)/g, "$1");
    expect(title).toMatch(/^ASC 606 contract memo \(draft\): /);
    // The first key-terms row with a page citation, e.g. "| Title | SUPPLY AGREEMENT | p. 1 |".
    const row = markdown.match(/^\| ([^|\\]+) \| ([^|\\]+) \| (p\. \d+) \|$/m);
    expect(row, "a cited key-terms row").not.toBeNull();
    const [, term, finding, citation] = row!;

    for (const [format, text] of [
      ["docx", docx],
      ["pdf", pdf.text],
    ] as const) {
      expect(text, format).toContain(title);
      expect(text, format).toContain("Draft — for review");
      expect(text, format).toContain("Key terms");
      for (const heading of STEP_HEADINGS) expect(text, format).toContain(heading);
      expect(text, format).toContain(`${term} ${finding} ${citation}`);
      expect(text, format).toContain("Risk flags");
      expect(text, format).toContain("Supporting quotes");
    }
    expect(pdf.pages[0]).toContain(`Page 1 of ${pdf.pages.length}`);
  });

  it("still serves the Markdown inline for the page when asked", async () => {
    const response = await client.request("GET", memoPath(analysisId, "?inline=1"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(CONTENT_TYPES.md);
    expect(response.headers.get("content-disposition")).toBeNull();
    expect(await response.text()).toContain("ASC 606");
  });

  it("refuses an unknown format", async () => {
    const response = await client.request("GET", memoPath(analysisId, "?format=exe"));
    expect(response.status).toBe(422);
  });

  it("hides another user's memo in every format", async () => {
    const { client: stranger } = await ApiClient.signUp(baseUrl);
    for (const format of MEMO_FORMATS) {
      const response = await stranger.request("GET", memoPath(analysisId, `?format=${format}`));
      expect(response.status, format).toBe(404);
      expect(response.headers.get("content-disposition")).toBeNull();
      expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
    }
  });

  it("has no memo to download before the analysis has run", async () => {
    const upload = await uploadContract(client, 1);
    for (const format of MEMO_FORMATS) {
      const response = await client.request(
        "GET",
        memoPath(upload.quote.analysisId, `?format=${format}`),
      );
      expect(response.status, format).toBe(404);
      await response.arrayBuffer();
    }
  });
});
