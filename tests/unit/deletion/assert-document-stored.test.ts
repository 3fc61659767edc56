import { describe, expect, it } from "vitest";
import { assertDocumentStored } from "@/lib/deletion/assert-document-stored";
import { AppError } from "@/lib/errors";

function refusal(doc: { deletedAt: Date | null; bytesPurgedAt: Date | null }): AppError | null {
  try {
    assertDocumentStored(doc);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe("assertDocumentStored", () => {
  it("lets a stored document through", () => {
    expect(refusal({ deletedAt: null, bytesPurgedAt: null })).toBeNull();
  });

  it("answers 404 for a deleted document, whatever happened to its bytes", () => {
    const error = refusal({ deletedAt: new Date(), bytesPurgedAt: new Date() });
    expect(error?.code).toBe("not_found");
    expect(error?.httpStatus).toBe(404);
  });

  it("answers 409 with what to do when retention removed the bytes", () => {
    const error = refusal({ deletedAt: null, bytesPurgedAt: new Date() });
    expect(error?.code).toBe("conflict");
    expect(error?.details).toEqual({ reason: "document_purged" });
    expect(error?.message).toMatch(/original file was removed.*upload it again/i);
    expect(error?.message).toMatch(/nothing was charged/i);
  });
});
