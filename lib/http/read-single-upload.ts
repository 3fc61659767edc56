import { Readable } from "node:stream";
import Busboy from "busboy";
import { AppError } from "@/lib/errors";

/** Multipart framing (boundaries, part headers, a few small fields) beyond the file itself. */
const FRAMING_SLACK_BYTES = 64 * 1024;

const tooLarge = (maxBytes: number) =>
  new AppError(
    "payload_too_large",
    `The file is larger than the ${Math.round(maxBytes / (1024 * 1024))} MB limit. Nothing was charged.`,
    { maxBytes },
  );

/**
 * Reads one file from a multipart request, streaming: the size limit is enforced while bytes
 * arrive (and up front from Content-Length), so an oversized upload is never fully buffered.
 */
export async function readSingleUpload(
  request: Request,
  options: { field: string; maxBytes: number },
): Promise<{ originalName: string; bytes: Uint8Array }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError(
      "validation",
      `Send the file as multipart/form-data in a field named "${options.field}".`,
    );
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  // Multipart framing adds a little; 64 KiB of slack covers boundaries and headers.
  const maxBodyBytes = options.maxBytes + FRAMING_SLACK_BYTES;
  if (declared > maxBodyBytes) throw tooLarge(options.maxBytes);
  if (!request.body) throw new AppError("validation", "The request has no body.");

  return new Promise((resolve, reject) => {
    let parser: Busboy.Busboy;
    try {
      parser = Busboy({
        headers: { "content-type": contentType },
        limits: { files: 1, fileSize: options.maxBytes, fields: 10, fieldSize: 1024, parts: 20 },
        defParamCharset: "utf8",
      });
    } catch {
      reject(new AppError("validation", "The multipart body could not be read."));
      return;
    }
    let found: Promise<{ originalName: string; bytes: Uint8Array }> | null = null;
    const source = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream);

    parser.on("file", (name, stream, info) => {
      if (name !== options.field || found) {
        stream.resume();
        return;
      }
      found = new Promise((resolveFile, rejectFile) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("limit", () => {
          source.destroy();
          rejectFile(tooLarge(options.maxBytes));
        });
        stream.on("error", rejectFile);
        stream.on("end", () => {
          if ((stream as { truncated?: boolean }).truncated) return;
          resolveFile({
            originalName: info.filename ?? "document",
            bytes: new Uint8Array(Buffer.concat(chunks)),
          });
        });
      });
      found.catch(reject);
    });
    parser.on("error", () =>
      reject(
        new AppError(
          "validation",
          "The upload could not be read: its multipart body is malformed (for example a control character in the file name). Rename the file and try again. Nothing was charged.",
        ),
      ),
    );
    parser.on("close", () => {
      if (!found) {
        reject(new AppError("validation", `No file was sent in the field "${options.field}".`));
        return;
      }
      found.then(resolve, reject);
    });
    source.on("error", () => {});
    // The whole body counts, not only the file: without a Content-Length (chunked) a client
    // could otherwise stream endless extra parts or preamble, each under busboy's own limits.
    let received = 0;
    source.on("data", (chunk: Buffer) => {
      received += chunk.byteLength;
      if (received > maxBodyBytes) {
        source.unpipe(parser);
        source.destroy();
        reject(tooLarge(options.maxBytes));
      }
    });
    source.pipe(parser);
  });
}
