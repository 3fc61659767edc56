import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ApiClient } from "@/tests/support/api-client";
import { contractPdfs, readContract } from "@/tests/support/contracts";
import { integrationStack } from "@/tests/support/integration-stack";
import { uploadContract } from "@/tests/support/journey";

const stack = integrationStack();
const { baseUrl } = stack;

/** GET /api/documents/:id/file — the stored PDF the citation viewer renders, for its owner only. */
describe("the document file route", () => {
  it("gives the owner their PDF's bytes, privately cached, and nobody else anything", async () => {
    const owner = await ApiClient.signUp(baseUrl);
    const stranger = await ApiClient.signUp(baseUrl);
    const { document } = await uploadContract(owner.client, 0);
    const path = `/api/documents/${document.id}/file`;

    const response = await owner.client.request("GET", path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("cache-control")).toMatch(/^private/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes).equals(Buffer.from(readContract(contractPdfs()[0]!.file)))).toBe(
      true,
    );

    // Someone else's document does not exist for them; neither does a made-up one.
    expect((await stranger.client.request("GET", path)).status).toBe(404);
    expect(
      (
        await owner.client.request(
          "GET",
          "/api/documents/00000000-0000-4000-8000-000000000000/file",
        )
      ).status,
    ).toBe(404);
    expect((await new ApiClient(baseUrl).request("GET", path)).status).toBe(401);
  });

  it("answers 404 once the document is deleted, or its bytes purged, or it is not a PDF", async () => {
    const { client } = await ApiClient.signUp(baseUrl);
    const deleted = await uploadContract(client, 0);
    expect((await client.request("DELETE", `/api/documents/${deleted.document.id}`)).status).toBe(
      204,
    );
    expect((await client.request("GET", `/api/documents/${deleted.document.id}/file`)).status).toBe(
      404,
    );

    const purged = await uploadContract(client, 0);
    await db.execute(sql`delete from document_blobs where document_id = ${purged.document.id}`);
    await db.execute(
      sql`update documents set bytes_purged_at = now() where id = ${purged.document.id}`,
    );
    const gone = await client.json<{ error: { message: string } }>(
      "GET",
      `/api/documents/${purged.document.id}/file`,
    );
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toMatch(/original file was removed/i);

    const text = await client.upload(
      new TextEncoder().encode(
        "SERVICES AGREEMENT\n\nThis agreement is made between Alpha Ltd and Beta Corp.\n\n1. Term. One year.",
      ),
      "agreement.txt",
      "text/plain",
    );
    const { document } = (await text.json()) as { document: { id: string } };
    expect((await client.request("GET", `/api/documents/${document.id}/file`)).status).toBe(404);
  });
});
