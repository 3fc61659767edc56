import { beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "@/tests/support/api-client";
import { contractPdfs, readContract } from "@/tests/support/contracts";
import { integrationStack } from "@/tests/support/integration-stack";
import { readContractPageLabels } from "@/tests/unit/documents/fixtures";

const { baseUrl } = integrationStack();

/** The 40 CUAD contracts (../shared/contracts, CC BY 4.0, The Atticus Project) through the real upload API. */
describe("real contracts", () => {
  let client: ApiClient;
  beforeAll(async () => {
    ({ client } = await ApiClient.signUp(baseUrl));
  });

  it("uploads and extracts all 40, with page counts matching labels.csv", async () => {
    const labels = readContractPageLabels();
    const pdfs = contractPdfs();
    expect(pdfs).toHaveLength(40);
    const mismatches: string[] = [];
    for (const pdf of pdfs) {
      const response = await client.upload(readContract(pdf.file), pdf.name, "application/pdf");
      expect(response.status, pdf.name).toBe(201);
      const { document } = (await response.json()) as {
        document: { pageCount: number; wordCount: number; kind: string };
      };
      expect(document.kind).toBe("pdf");
      expect(document.wordCount, pdf.name).toBeGreaterThan(100);
      const expected = labels.get(pdf.name);
      if (document.pageCount !== expected)
        mismatches.push(`${pdf.name}: ${document.pageCount} ≠ ${expected}`);
    }
    expect(mismatches).toEqual([]);
    // 40 uploads, each read in a bounded child: 18 s on an idle machine, past 60 s under load.
  }, 180_000);
});
