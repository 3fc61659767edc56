/**
 * `npx tsx scripts/render-brand-assets.ts` — renders the committed PNG icons, favicon.ico and the
 * social card in public/ from public/brand/icon.svg (the mark of components/brand.tsx), with the
 * Chromium the e2e tests use. Rerun it after changing the mark; the outputs are committed so the
 * build needs no browser.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { serif } from "@/components/fonts";

const publicDir = path.resolve(import.meta.dirname, "../public");
const brandDir = path.join(publicDir, "brand");
const mark = readFileSync(path.join(brandDir, "icon.svg"), "utf8");
const markDataUrl = `data:image/svg+xml;base64,${Buffer.from(mark).toString("base64")}`;

const NAVY = "#243b5a";
const PAPER = "#f6f5f1";
const INK = "#1b2533";
const MUTED = "#5a6472";

/** The mark alone, `size` px square; `background` fills the rounded corners (Apple's icons). */
function iconHtml(size: number, background = "transparent"): string {
  return `<!doctype html><html><body style="margin:0;background:${background}">
<img src="${markDataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`;
}

/** 1200×630, the size Open Graph and X's large summary card crop least. */
function socialCardHtml(): string {
  return `<!doctype html><html><body style="margin:0;width:1200px;height:630px;background:${PAPER};
font-family:${serif.replaceAll('"', "'")};display:flex;flex-direction:column;justify-content:center;
padding:0 96px;box-sizing:border-box;border-top:16px solid ${NAVY}">
<div style="display:flex;align-items:center;gap:28px">
  <img src="${markDataUrl}" width="120" height="120">
  <span style="font-size:88px;font-weight:600;color:${INK};letter-spacing:-0.01em">Clauseflow</span>
</div>
<p style="font-size:44px;line-height:1.3;color:${INK};margin:56px 0 0;max-width:980px">
  Upload a contract, get a fixed quote in credits, and receive a review memo.</p>
<p style="font-size:30px;color:${MUTED};margin:32px 0 0;font-family:system-ui,sans-serif">
  ASC 606 memos with page citations</p>
</body></html>`;
}

/** ICO with PNG payloads (every browser since 2007 reads them): 6-byte header, 16 per entry. */
function packIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
});
try {
  const page = await browser.newPage();
  const render = async (html: string, width: number, height: number, transparent: boolean) => {
    await page.setViewportSize({ width, height });
    await page.setContent(html, { waitUntil: "load" });
    return page.screenshot({ omitBackground: transparent, type: "png" });
  };

  const outputs: [string, Buffer][] = [
    ["brand/icon-192.png", await render(iconHtml(192), 192, 192, true)],
    ["brand/icon-512.png", await render(iconHtml(512), 512, 512, true)],
    // iOS draws its own rounded corners and shows transparency as black: fill them.
    ["brand/apple-touch-icon.png", await render(iconHtml(180, NAVY), 180, 180, false)],
    ["brand/social-card.png", await render(socialCardHtml(), 1200, 630, false)],
  ];
  const favicons = [];
  for (const size of [16, 32, 48]) {
    favicons.push({ size, png: await render(iconHtml(size), size, size, true) });
  }
  outputs.push(["favicon.ico", packIco(favicons)]);

  for (const [file, bytes] of outputs) {
    writeFileSync(path.join(publicDir, file), bytes);
    console.log(`wrote public/${file} (${bytes.length} bytes)`);
  }
} finally {
  await browser.close();
}
