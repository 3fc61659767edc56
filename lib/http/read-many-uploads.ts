import { Readable } from "node:stream";
import Busboy from "busboy";
import { AppError } from "@/lib/errors";

/** Multipart framing (boundaries, part headers, a few small fields) beyond the files themselves. */
const FRAMING_SLACK_BYTES = 64 * 1024;
/** Parts we look at before giving up on a request: far more than any batch holds. */
const MAX_PARTS = 1_000;

/** One file part: its bytes, or only its name when it was over the per-file limit (drained). */
export type ReceivedUpload =
  | { originalName: string; bytes: Uint8Array }
  | { originalName: string; tooLarge: true };

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

/**
 * Reads every file of a multipart request in the field `field`, streaming, like
 * `readSingleUpload`: the whole body is bounded by `maxTotalBytes` (up front from Content-Length
 * and again while bytes arrive → 413 for the request), and a file over `maxFileBytes` is drained
 * and reported as too large instead of buffered, so the other files of a bulk upload still count.
 */
export async function readManyUploads(
  request: Request,
  options: { field: string; maxFileBytes: number; maxTotalBytes: number },
): Promise<ReceivedUpload[]> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError(
      "validation",
      `Send the files as multipart/form-data, each in a field named "${options.field}".`,
    );
  }
  const tooLarge = new AppError(
    "payload_too_large",
    `This upload is larger than the ${mb(options.maxTotalBytes)} MB limit of one batch. Upload fewer files at once. Nothing was charged.`,
    { maxBytes: options.maxTotalBytes },
  );
  const maxBodyBytes = options.maxTotalBytes + FRAMING_SLACK_BYTES;
  if (Number(request.headers.get("content-length") ?? "0") > maxBodyBytes) throw tooLarge;
  if (!request.body) throw new AppError("validation", "The request has no body.");

  return new Promise((resolve, reject) => {
    let parser: Busboy.Busboy;
    try {
      parser = Busboy({
        headers: { "content-type": contentType },
        limits: {
          files: MAX_PARTS,
          fileSize: options.maxFileBytes,
          fields: 10,
          fieldSize: 1024,
          parts: MAX_PARTS + 10,
        },
        defParamCharset: "utf8",
      });
    } catch {
      reject(new AppError("validation", "The multipart body could not be read."));
      return;
    }
    const files: Promise<ReceivedUpload>[] = [];
    const source = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream);

    parser.on("file", (name, stream, info) => {
      if (name !== options.field) {
        stream.resume();
        return;
      }
      const originalName = info.filename ?? "document";
      files.push(
        new Promise((resolveFile, rejectFile) => {
          const chunks: Buffer[] = [];
          let over = false;
          stream.on("data", (chunk: Buffer) => {
            if (!over) chunks.push(chunk);
          });
          stream.on("limit", () => {
            over = true;
            chunks.length = 0;
          });
          stream.on("error", rejectFile);
          stream.on("end", () =>
            resolveFile(
              over
                ? { originalName, tooLarge: true }
                : { originalName, bytes: new Uint8Array(Buffer.concat(chunks)) },
            ),
          );
        }),
      );
    });
    parser.on("error", () =>
      reject(
        new AppError(
          "validation",
          "The upload could not be read: its multipart body is malformed (for example a control character in a file name). Rename the files and try again. Nothing was charged.",
        ),
      ),
    );
    parser.on("close", () => {
      if (files.length === 0) {
        reject(new AppError("validation", `No file was sent in the field "${options.field}".`));
        return;
      }
      Promise.all(files).then(resolve, reject);
    });
    source.on("error", () => {});
    let received = 0;
    source.on("data", (chunk: Buffer) => {
      received += chunk.byteLength;
      if (received > maxBodyBytes) {
        source.unpipe(parser);
        source.destroy();
        reject(tooLarge);
      }
    });
    source.pipe(parser);
  });
}
