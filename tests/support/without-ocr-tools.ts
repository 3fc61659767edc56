import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Environment for a server process of a deployment without OCR (tesseract and poppler not
 * installed): a PATH that holds only `node`, which `next start` needs through its
 * `#!/usr/bin/env node` line. getOcrAvailability then finds none of the tools, as on such a
 * machine; everything else spawns by absolute path (Node's execPath, /bin/sh).
 */
export function withoutOcrTools(): Record<string, string> {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), "clauseflow-no-ocr-"));
  fs.symlinkSync(process.execPath, path.join(bin, "node"));
  return { PATH: bin };
}
