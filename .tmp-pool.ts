import fs from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { inspectDocument } from "@/lib/documents/inspect-document";
import { readerPoolStats } from "@/lib/documents/reader-pool";

const h = monitorEventLoopDelay({ resolution: 10 });
h.enable();
for (const f of process.argv.slice(2)) {
  const t = Date.now();
  h.reset();
  try {
    const r = await inspectDocument(new Uint8Array(fs.readFileSync(f)));
    console.log(f, "OK", r.pageCount, r.wordCount);
  } catch (e) {
    const x = e as Error & { details?: unknown };
    console.log(f, "ERR", x.message.slice(0, 120), JSON.stringify(x.details));
  }
  console.log(
    "  ms",
    Date.now() - t,
    "loop max ms",
    Math.round(h.max / 1e6),
    "peak child rss MB",
    Math.round(readerPoolStats().peakRssBytes / 2 ** 20),
  );
}
process.exit(0);
