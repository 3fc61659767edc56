import fs from "node:fs";
import { inspectDocument } from "@/lib/documents/inspect-document";

const t = Date.now();
try {
  const r = await inspectDocument(new Uint8Array(fs.readFileSync(process.argv[2]!)));
  console.log("OK", JSON.stringify(r));
} catch (e) {
  const x = e as Error & { details?: unknown };
  console.log("ERR", x.name, x.message.slice(0, 150), JSON.stringify(x.details));
}
console.log("ms", Date.now() - t);
