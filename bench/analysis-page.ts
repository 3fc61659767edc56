/**
 * `npm run bench:analysis-page` — how the analysis page reads, on a private production stack (its
 * own database and queue prefix, `next start`, one real worker): a new user analyses a real
 * 10–20 page contract PDF; then Chromium (playwright-core, /usr/bin/chromium) opens that
 * succeeded analysis at desktop 1280×800 and phone 390×844 and measures
 *   - the page's scrollHeight once everything loaded (how many screens it takes), and
 *   - the first meaningful paint of a *reopened* analysis: navigation start → the status chip
 *     and the summary (the summary card `analysis-summary`, or before it existed the findings)
 *     first present in the DOM with real content (a MutationObserver installed before any
 *     script runs records `performance.now()`), plus the browser's LCP entry.
 * Each viewport: one warm-up visit, then RUNS reopenings (BENCH_RUNS, default 5); medians printed.
 */
import { chromium } from "playwright-core";
import { startBenchStack } from "@/bench/support/bench-stack";
import { machineLine, median } from "@/bench/support/bench-utils";
import { contractPdfs, readContract } from "@/tests/support/contracts";
import { confirm } from "@/tests/support/journey";
import { waitFor } from "@/tests/support/wait-for";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const VIEWPORTS = [
  { name: "desktop 1280×800", width: 1280, height: 800, isMobile: false },
  { name: "phone 390×844", width: 390, height: 844, isMobile: true },
];

/**
 * Installed before the page's scripts: when the status and the summary first appear. A string,
 * not a function: tsx's transform wraps named functions in a helper the page does not have.
 */
const WATCH_FIRST_CONTENT = `(() => {
  const marks = {};
  window.__marks = marks;
  window.__lcp = 0;
  const check = () => {
    const status = document.querySelector('[data-testid="analysis-status"]');
    if (!marks.status && status && status.textContent.trim()) marks.status = performance.now();
    const summary =
      document.querySelector('[data-testid="analysis-summary"]') ||
      document.querySelector('[data-testid="findings"]');
    if (!marks.summary && summary && summary.textContent.trim()) marks.summary = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__lcp = entry.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
  } catch {}
})();`;

const bench = await startBenchStack("bench_analysis_page", { workers: 1 });
const { stack, sql } = bench;
try {
  const client = await bench.signUpWithCredits();
  // The smallest sample contract with 10–20 pages (uploads are free; only confirming charges).
  let documentId = "";
  let pages = 0;
  let name = "";
  for (const contract of contractPdfs()) {
    const response = await client.upload(
      readContract(contract.file),
      contract.name,
      "application/pdf",
    );
    const body = (await response.json()) as { document: { id: string; pageCount: number } };
    if (body.document.pageCount >= 10 && body.document.pageCount <= 20) {
      documentId = body.document.id;
      pages = body.document.pageCount;
      name = contract.name;
      break;
    }
  }
  if (!documentId) throw new Error("no sample contract has 10–20 pages");
  const { body } = await confirm(client, documentId);
  const analysisId = body.analysis.id;
  await waitFor(
    async () =>
      (await sql`select status from analyses where id = ${analysisId}`)[0]?.status as string,
    (s) => s === "succeeded" || s === "failed",
    { intervalMs: 200, timeoutMs: 180_000, what: "analysis to finish" },
  );
  const [finished] = await sql`select status from analyses where id = ${analysisId}`;
  if (finished?.status !== "succeeded") throw new Error(`analysis ${finished?.status}`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  });
  const url = `${stack.baseUrl}/analyses/${analysisId}`;
  const cookies = client
    .cookieHeader()
    .split("; ")
    .map((pair) => {
      const eq = pair.indexOf("=");
      return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: stack.baseUrl };
    });
  const rows: string[] = [];
  let summaryLine = "";
  try {
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        isMobile: viewport.isMobile,
        hasTouch: viewport.isMobile,
      });
      await context.addCookies(cookies);
      await context.addInitScript({ content: WATCH_FIRST_CONTENT });
      const page = await context.newPage();
      await page.goto(url, { waitUntil: "networkidle" });
      await page.waitForSelector('[data-testid="analysis-status"]');
      const scroll = await page.evaluate(() => ({
        height: document.documentElement.scrollHeight,
        width: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      const status: number[] = [];
      const summary: number[] = [];
      const lcp: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        await page.goto(url, { waitUntil: "load" });
        await page
          .waitForFunction(
            () => {
              const m = (window as unknown as { __marks?: Record<string, number> }).__marks;
              return Boolean(m?.status && m.summary);
            },
            undefined,
            { timeout: 30_000 },
          )
          .catch(async (error: unknown) => {
            const seen = await page.evaluate(() => ({
              marks: (window as unknown as { __marks?: Record<string, number> }).__marks,
              url: location.href,
              testids: [...document.querySelectorAll("[data-testid]")].map((e) =>
                e.getAttribute("data-testid"),
              ),
            }));
            throw new Error(`${String(error)}: ${JSON.stringify(seen)}`);
          });
        await page.waitForTimeout(300); // LCP settles after the last large paint
        const marks = await page.evaluate(() => {
          const w = window as unknown as { __marks: Record<string, number>; __lcp: number };
          return { status: w.__marks.status, summary: w.__marks.summary, lcp: w.__lcp };
        });
        status.push(marks.status ?? Number.NaN);
        summary.push(marks.summary ?? Number.NaN);
        lcp.push(marks.lcp);
      }
      await context.close();
      const screens = (scroll.height / viewport.height).toFixed(1);
      const ms = (values: number[]) => `${median(values).toFixed(0)} ms`;
      rows.push(
        `| ${viewport.name} | ${scroll.height} px (${screens} screens) | ${scroll.width > scroll.clientWidth ? `yes (${scroll.width} px)` : "no"} | ${ms(status)} | ${ms(summary)} | ${ms(lcp)} |`,
      );
      summaryLine += `${summaryLine ? "; " : ""}${viewport.name}: ${scroll.height} px, status+summary ${ms(summary)}`;
    }
  } finally {
    await browser.close();
  }
  console.log(`\nbench:analysis-page — ${machineLine()}`);
  console.log(`contract: ${name} (${pages} pages), ${RUNS} reopenings per viewport (median)`);
  console.log(
    "| viewport | scrollHeight | horizontal scroll | status shown | status + summary shown | LCP |\n|---|---|---|---|---|---|",
  );
  for (const row of rows) console.log(row);
  console.log(`bench: ${summaryLine}`);
} finally {
  await bench.stop();
}
