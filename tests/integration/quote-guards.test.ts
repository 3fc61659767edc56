import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { BatchView } from "@/lib/batches/batch-view";
import type { UploadQuote } from "@/lib/documents/store-uploaded-document";
import { ApiClient } from "@/tests/support/api-client";
import { contractPdfs, readContract } from "@/tests/support/contracts";
import { integrationStack } from "@/tests/support/integration-stack";
import { confirm, type UploadResponse, waitForStatus } from "@/tests/support/journey";

/**
 * Issue 19 part 6 — no paying twice, or for a non-contract, by accident: the quote of a file this
 * user already analysed offers that memo (`duplicateOf`), a file being analysed right now says so
 * (`inProgress`), a document that does not read like a contract carries `warning`; confirming
 * any of them needs an explicit flag, and a refusal holds nothing.
 */
const { baseUrl } = integrationStack();

const sample = contractPdfs()[0]!;
const RECIPE = new TextEncoder().encode(
  "Banana bread. Mash three ripe bananas, stir in melted butter, sugar, an egg and flour. " +
    "Bake for an hour at 175 degrees, let it cool, slice and serve with coffee.",
);

async function uploadBytes(client: ApiClient, bytes: Uint8Array, name: string, type: string) {
  const response = await client.upload(bytes, name, type);
  expect(response.status).toBe(201);
  return (await response.json()) as UploadResponse;
}
const uploadSample = (client: ApiClient) =>
  uploadBytes(client, readContract(sample.file), sample.name, "application/pdf");

type Credits = { balance: { available: number; held: number } };
const balance = async (client: ApiClient) =>
  (await client.json<Credits>("GET", "/api/me/credits")).body.balance;

/** A confirm as a script sends it: no flag unless given. */
const confirmPlain = (
  client: ApiClient,
  documentId: string,
  flags: { rerun?: boolean; acknowledgeWarning?: boolean } = {},
) =>
  confirm(client, documentId, randomUUID(), { rerun: false, acknowledgeWarning: false, ...flags });

describe("quote guards", { timeout: 120_000 }, () => {
  let alice: ApiClient;
  let bob: ApiClient;

  beforeAll(async () => {
    ({ client: alice } = await ApiClient.signUp(baseUrl));
    ({ client: bob } = await ApiClient.signUp(baseUrl));
  });

  it("says a repeated upload is in progress, then offers the finished memo for free; rerun pays explicitly", async () => {
    const first = await uploadSample(alice);
    expect(first.quote).toMatchObject({ duplicateOf: null, inProgress: null, warning: null });
    const started = await confirmPlain(alice, first.document.id);
    expect(started.status).toBe(202);
    const firstId = started.body.analysis.id;

    // The same file again within seconds: the quote links to the running analysis; confirming
    // without `rerun` is refused with its id and holds nothing.
    const again = await uploadSample(alice);
    const heldBefore = await balance(alice);
    if (again.quote.inProgress) {
      expect(again.quote.inProgress.analysisId).toBe(firstId);
      const refused = await confirmPlain(alice, again.document.id);
      expect(refused.status).toBe(409);
      expect(refused.body.error?.code).toBe("duplicate_document");
      expect(refused.body.error?.details?.analysisId).toBe(firstId);
      expect(await balance(alice)).toEqual(heldBefore);
    }

    const { last } = await waitForStatus(alice, firstId, ["succeeded", "failed"], 90_000);
    expect(last.status).toBe("succeeded");

    const third = await uploadSample(alice);
    expect(third.quote.duplicateOf).toEqual({ analysisId: firstId, finishedAt: last.finishedAt });
    expect(third.quote.inProgress).toBeNull();
    const before = await balance(alice);
    const refused = await confirmPlain(alice, third.document.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe("duplicate_document");
    expect(refused.body.error?.details?.analysisId).toBe(firstId);
    expect(refused.body.error?.message).toMatch(/Nothing was charged/);
    expect(await balance(alice)).toEqual(before);
    // The memo on offer opens for free.
    expect((await alice.request("GET", `/api/analyses/${firstId}/memo`)).status).toBe(200);

    const rerun = await confirmPlain(alice, third.document.id, { rerun: true });
    expect(rerun.status).toBe(202);
    expect(rerun.body.analysis.id).not.toBe(firstId);
    expect((await balance(alice)).held).toBe(before.held + third.quote.priceCredits);
  });

  it("never offers another user's analysis as a duplicate", async () => {
    const upload = await uploadSample(bob);
    expect(upload.quote.duplicateOf).toBeNull();
    expect(upload.quote.inProgress).toBeNull();
    const confirmed = await confirmPlain(bob, upload.document.id);
    expect(confirmed.status).toBe(202);
  });

  it("flags a recipe as not a contract; confirm needs the acknowledgement and holds nothing without it", async () => {
    const upload = await uploadBytes(alice, RECIPE, "banana-bread.txt", "text/plain");
    expect(upload.quote.warning).toBe("not_a_contract");
    const before = await balance(alice);
    const refused = await confirmPlain(alice, upload.document.id);
    expect(refused.status).toBe(422);
    expect(refused.body.error?.code).toBe("not_a_contract");
    expect(refused.body.error?.message).toMatch(/does not look like a contract/);
    expect(await balance(alice)).toEqual(before);
    const status = await alice.json<{ analysis: { status: string } }>(
      "GET",
      `/api/analyses/${upload.quote.analysisId}`,
    );
    expect(status.body.analysis.status).toBe("quoted");

    const acknowledged = await confirmPlain(alice, upload.document.id, {
      acknowledgeWarning: true,
    });
    expect(acknowledged.status).toBe(202);
    expect((await balance(alice)).held).toBe(before.held + upload.quote.priceCredits);
  });

  it("does not flag a real contract", async () => {
    const upload = await uploadBytes(
      bob,
      readContract(contractPdfs()[1]!.file),
      "second.pdf",
      "application/pdf",
    );
    expect((upload.quote as UploadQuote).warning).toBeNull();
  });

  it("asks a batch for the acknowledgement of its non-contracts", async () => {
    const { client } = await ApiClient.signUp(baseUrl);
    const form = new FormData();
    form.append("file", new Blob([RECIPE], { type: "text/plain" }), "recipe.txt");
    form.append(
      "file",
      new Blob([new Uint8Array(readContract(sample.file))], { type: "application/pdf" }),
      "contract.pdf",
    );
    const created = await client.json<{ batch: BatchView }>("POST", "/api/batches", {
      multipart: form,
    });
    expect(created.status).toBe(201);
    const batch = created.body.batch;
    expect(batch.files.find((f) => f.documentName === "recipe.txt")?.quoteWarning).toBe(
      "not_a_contract",
    );
    const before = await balance(client);
    const refused = await client.json<{ error: { code: string; message: string } }>(
      "POST",
      `/api/batches/${batch.id}/confirm`,
      { headers: { "idempotency-key": randomUUID() } },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("not_a_contract");
    expect(refused.body.error.message).toContain("recipe.txt");
    expect(await balance(client)).toEqual(before);
    const confirmed = await client.json<{ batch: BatchView }>(
      "POST",
      `/api/batches/${batch.id}/confirm?acknowledgeWarnings=true`,
      { headers: { "idempotency-key": randomUUID() } },
    );
    expect(confirmed.status).toBe(202);
    expect(confirmed.body.batch.confirmedAt).not.toBeNull();
  });
});
