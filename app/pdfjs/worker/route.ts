import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * pdf.js's worker, served from this origin: the pages' CSP (`worker-src 'self'`) admits no other
 * and no blob:. Read from the installed package, so it always matches the pdf.js in the bundle.
 */
const WORKER_FILE = path.join(process.cwd(), "node_modules/pdfjs-dist/build/pdf.worker.min.mjs");
let worker: Promise<Buffer> | null = null;

export async function GET(): Promise<Response> {
  worker ??= readFile(WORKER_FILE);
  return new Response(new Uint8Array(await worker), {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=86400",
    },
  });
}
