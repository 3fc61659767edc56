import { expect } from "vitest";
import type { AnalysisView } from "@/lib/analyses/analysis-view";
import type { StoredDocument, UploadQuote } from "@/lib/documents/store-uploaded-document";
import type { ApiClient } from "@/tests/support/api-client";
import { contractPdfs, readContract } from "@/tests/support/contracts";
import { waitFor } from "@/tests/support/wait-for";

export type UploadResponse = { document: StoredDocument; quote: UploadQuote };

type SampleContract = ReturnType<typeof contractPdfs>[number];

async function uploadSample(client: ApiClient, contract: SampleContract): Promise<UploadResponse> {
  const response = await client.upload(
    readContract(contract.file),
    contract.name,
    "application/pdf",
  );
  expect(response.status).toBe(201);
  return (await response.json()) as UploadResponse;
}

/** Uploads the sample contract at `index`, smallest first. */
export async function uploadContract(client: ApiClient, index = 0): Promise<UploadResponse> {
  const contract = contractPdfs()[index];
  if (!contract) throw new Error(`no sample contract at index ${index}`);
  return uploadSample(client, contract);
}

/** Uploads the sample contract whose file name starts with `prefix` (case-insensitive). */
export async function uploadContractNamed(
  client: ApiClient,
  prefix: string,
): Promise<UploadResponse> {
  const contract = contractPdfs().find((c) =>
    c.name.toLowerCase().startsWith(prefix.toLowerCase()),
  );
  if (!contract) throw new Error(`no sample contract starts with ${prefix}`);
  return uploadSample(client, contract);
}

/**
 * Confirms a quote as a script that has chosen to pay: `rerun` and `acknowledgeWarning` are on
 * unless a test turns them off, so journeys that upload the same sample twice or a short text
 * are not refused by the quote guards (tests/integration/quote-guards.test.ts tests those).
 */
export async function confirm(
  client: ApiClient,
  documentId: string,
  idempotencyKey?: string,
  flags: { rerun?: boolean; acknowledgeWarning?: boolean } = {},
) {
  return client.json<{
    analysis: AnalysisView;
    duplicate: boolean;
    error?: { code: string; message: string; details?: Record<string, number | string> };
  }>("POST", "/api/analyses", {
    json: {
      documentId,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      rerun: flags.rerun ?? true,
      acknowledgeWarning: flags.acknowledgeWarning ?? true,
    },
  });
}

export async function getAnalysis(client: ApiClient, id: string): Promise<AnalysisView> {
  const { status, body } = await client.json<{ analysis: AnalysisView }>(
    "GET",
    `/api/analyses/${id}`,
  );
  expect(status).toBe(200);
  return body.analysis;
}

export function waitForStatus(
  client: ApiClient,
  id: string,
  statuses: AnalysisView["status"][],
  timeoutMs = 45_000,
) {
  return waitFor(
    () => getAnalysis(client, id),
    (a) => statuses.includes(a.status),
    {
      timeoutMs,
      what: `analysis ${id} to reach ${statuses.join("/")}`,
    },
  );
}
