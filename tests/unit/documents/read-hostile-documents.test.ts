import { beforeAll, describe, expect, it } from "vitest";
import type { DocumentError } from "@/lib/errors";
import { configureTestEnv } from "@/tests/support/configure-test-env";
import {
  makeDeeplyNestedPdf,
  makeInflatedContentPdf,
  makeManyTextOperatorsPdf,
  makePathologicalDocx,
} from "./fixtures";

// Limits small enough for a unit test, set before the env module is first read (vitest runs
// each file in its own process, so other files keep the defaults).
configureTestEnv({
  INSPECT_MAX_MEMORY_MB: "384",
  INSPECT_TIMEOUT_MS: "20000",
  INSPECT_POOL_SIZE: "1",
});

type Inspect = typeof import("@/lib/documents/inspect-document").inspectDocument;
type Stats = typeof import("@/lib/documents/reader-pool").readerPoolStats;
let inspectDocument: Inspect;
let readerPoolStats: Stats;
beforeAll(async () => {
  ({ inspectDocument } = await import("@/lib/documents/inspect-document"));
  ({ readerPoolStats } = await import("@/lib/documents/reader-pool"));
});

async function refusal(bytes: Uint8Array): Promise<DocumentError> {
  const error = await inspectDocument(bytes).then(
    () => undefined,
    (e: unknown) => e as DocumentError,
  );
  if (!error) throw new Error("expected the document to be refused");
  return error;
}

/** Resource bombs, read in the reader pool's child processes: each is refused, none is read whole. */
describe("reading hostile documents in the reader pool", { timeout: 120_000 }, () => {
  it("kills the reader of a 300 MB inflated content stream at its memory cap", async () => {
    const error = await refusal(await makeInflatedContentPdf({ inflatedBytes: 300 * 2 ** 20 }));
    expect(error.code).toBe("bad_document");
    expect(error.details?.reason).toMatch(/too_complex|text_too_large/);
    expect(error.message).toMatch(/Nothing was charged/);
    // Killed near the cap (one 50 ms watchdog tick of growth over it), not at hundreds of MB more.
    expect(readerPoolStats().peakRssBytes).toBeLessThan(384 * 2 ** 20 + 256 * 2 ** 20);
  });

  it("stops a page of millions of text operators at the per-page item limit", async () => {
    const error = await refusal(await makeManyTextOperatorsPdf());
    expect(error.details?.reason).toBe("too_complex");
    expect(error.message).toMatch(/pieces of text/);
  });

  it("refuses arrays and dictionaries nested 100,000 deep as damaged", async () => {
    for (const kind of ["array", "dict"] as const) {
      const error = await refusal(makeDeeplyNestedPdf({ kind }));
      expect(error.details?.reason).toBe("corrupt");
    }
  });

  it("refuses a DOCX with an entity-expansion DTD", async () => {
    const error = await refusal(await makePathologicalDocx("entities"));
    expect(error.code).toBe("bad_document");
  });

  it("ends a DOCX of two million tiny paragraphs at the deadline", async () => {
    const error = await refusal(await makePathologicalDocx("runs"));
    expect(error.details?.reason).toBe("too_complex");
  });

  it("still reads an ordinary document after killing readers", async () => {
    const { makeMinimalPdf } = await import("./fixtures");
    const result = await inspectDocument(makeMinimalPdf({ pages: 2, text: "Licensee shall pay." }));
    expect(result).toMatchObject({ kind: "pdf", pageCount: 2, wordCount: 6 });
  });
});
