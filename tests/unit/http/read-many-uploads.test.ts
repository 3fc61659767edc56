import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readManyUploads } from "@/lib/http/read-many-uploads";

/** A real multipart request, as a browser's FormData makes it. */
function multipart(files: Record<string, string>, field = "file"): Request {
  const form = new FormData();
  for (const [name, content] of Object.entries(files))
    form.append(field, new Blob([content]), name);
  return new Request("http://localhost/api/batches", { method: "POST", body: form });
}

const limits = { field: "file", maxFileBytes: 10, maxTotalBytes: 100_000 };

describe("readManyUploads", () => {
  it("reads every file part in order and drains one over the per-file limit as too large", async () => {
    const uploads = await readManyUploads(
      multipart({ "a.txt": "short", "big.txt": "x".repeat(11), "b.txt": "also" }),
      limits,
    );
    expect(uploads).toEqual([
      { originalName: "a.txt", bytes: new TextEncoder().encode("short") },
      { originalName: "big.txt", tooLarge: true },
      { originalName: "b.txt", bytes: new TextEncoder().encode("also") },
    ]);
  });

  it("refuses a body over the batch's total with 413, and a request without files", async () => {
    const big = readManyUploads(multipart({ "a.txt": "x".repeat(200_000) }), {
      ...limits,
      maxFileBytes: 1_000_000,
    });
    await expect(big).rejects.toMatchObject({ code: "payload_too_large" });
    const none = readManyUploads(multipart({ "a.txt": "x" }, "other"), limits);
    await expect(none).rejects.toBeInstanceOf(AppError);
    await expect(none).rejects.toMatchObject({ code: "validation" });
  });
});
