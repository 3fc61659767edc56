import fs from "node:fs";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import postgres from "postgres";
import { appRoutes, fillRoute } from "../support/app-routes";
import { type A11yViolation, describeViolations, scanForViolations } from "./axe-scan";
import { expect, type Role, test } from "./fixtures";
import { readSeed as seed } from "./seed";

const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
type ViewportName = keyof typeof VIEWPORTS;
/** Pages kept as full-page screenshots, to look at as a person would. */
const SCREENSHOTS = new Set(["/signin", "/upload", "/credits", "/admin/users"]);

/** Every page of the app (app/**\/page.tsx), its dynamic segments filled as the CSP sweep does. */
async function everyPageUrl(): Promise<{ url: string; public: boolean }[]> {
  const { user, databaseUrl, failed } = seed();
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const [row] = await sql`select id from users where email = ${user.email}`;
  await sql.end();
  return appRoutes("page.tsx").map(({ route, file }) => ({
    url: fillRoute(route, {
      id: route.startsWith("/admin/users") ? String(row?.id) : failed.analysisId,
    }),
    // The (auth) group: the pages a visitor sees; every other one sends them to sign-in.
    public: file.includes(`${path.sep}(auth)${path.sep}`),
  }));
}

/** Loads a page and lets its queries, client rendering and transitions settle. */
async function settle(page: Page, url?: string) {
  if (url) await page.goto(url);
  await page.waitForLoadState("networkidle");
  // Something was opened on the page: MUI's enter transitions (dialogs, drawers, fades) are
  // ≤ 300 ms. A page just loaded has none to wait for.
  if (!url) await page.waitForTimeout(400);
}

function expectNoViolations(violations: A11yViolation[], testInfo: TestInfo) {
  fs.writeFileSync(testInfo.outputPath("violations.json"), JSON.stringify(violations, null, 2));
  expect(
    violations.length,
    `serious or critical accessibility violations:\n${describeViolations(violations)}`,
  ).toBe(0);
}

// Each page as a visitor (pages behind sign-in redirect to it), a user and an admin, on a
// desktop and a phone. A page is scanned once per test even when several routes land on it.
for (const who of ["visitor", "user", "admin"] as const) {
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    test(`every page as ${who} on a ${viewport}: no serious or critical axe violation`, async ({
      browser,
      signedInAs,
    }, testInfo) => {
      test.setTimeout(300_000);
      const options = { viewport: VIEWPORTS[viewport] };
      const page =
        who === "visitor"
          ? await (await browser.newContext(options)).newPage()
          : await signedInAs(who as Role, options);
      const scanned = new Set<string>();
      const violations: A11yViolation[] = [];
      // An admin's view of the user pages differs only in the header, which every admin page
      // has too: admins scan the admin pages, users and visitors the rest (npm test's time).
      // A visitor scans the public pages (the rest send them to sign-in, scanned already).
      const urls = (await everyPageUrl())
        .filter((entry) =>
          who === "visitor"
            ? entry.public
            : who === "admin"
              ? entry.url.startsWith("/admin")
              : !entry.url.startsWith("/admin"),
        )
        .map((entry) => entry.url);
      for (const url of urls) {
        await settle(page, url);
        const landed = new URL(page.url()).pathname;
        if (scanned.has(landed)) continue;
        scanned.add(landed);
        violations.push(...(await scanForViolations(page, `${who} · ${viewport} · ${landed}`)));
        if (SCREENSHOTS.has(landed)) {
          await page.screenshot({
            path: testInfo.outputPath(`${landed.replaceAll("/", "_")}.png`),
            fullPage: true,
          });
        }
      }
      expect(scanned.size, "pages scanned").toBeGreaterThan(who === "visitor" ? 3 : 6);
      expectNoViolations(violations, testInfo);
      if (who === "visitor") await page.context().close();
    });
  }
}

// States that appear only after an interaction: the phone menu, the credit breakdown, a dialog.
test("menus and dialogs opened by a user and an admin: no serious or critical axe violation", async ({
  signedInAs,
}, testInfo) => {
  test.setTimeout(180_000);
  const { user, databaseUrl } = seed();
  const violations: A11yViolation[] = [];

  const phone = await signedInAs("user", { viewport: VIEWPORTS.phone });
  await settle(phone, "/analyses");
  await phone.getByRole("button", { name: "Open menu" }).click();
  await expect(phone.getByRole("button", { name: "Close menu" })).toBeVisible();
  await settle(phone);
  violations.push(...(await scanForViolations(phone, "user · phone · navigation drawer")));

  const desktop = await signedInAs("user", { viewport: VIEWPORTS.desktop });
  await settle(desktop, "/upload");
  await desktop.getByTestId("credit-balance").click();
  await expect(desktop.getByRole("dialog", { name: "Credit balance" })).toBeVisible();
  await settle(desktop);
  violations.push(...(await scanForViolations(desktop, "user · desktop · credit breakdown")));

  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const [row] = await sql`select id from users where email = ${user.email}`;
  await sql.end();
  const admin = await signedInAs("admin", { viewport: VIEWPORTS.desktop });
  await settle(admin, `/admin/users/${row?.id}`);
  await admin.getByTestId("adjust-credits").first().click();
  await expect(admin.getByRole("dialog")).toBeVisible();
  await settle(admin);
  violations.push(...(await scanForViolations(admin, "admin · desktop · credit change dialog")));

  expectNoViolations(violations, testInfo);
});

// The placeholders a page shows while its data loads: on a fast machine the sweep above scans
// only the loaded page, so the data requests are held here until each placeholder is scanned.
// (An analysis page arrives with its data from the server: it has no placeholder to scan.)
test("loading placeholders of the data pages: no serious or critical axe violation", async ({
  signedInAs,
}, testInfo) => {
  const page = await signedInAs("user", { viewport: VIEWPORTS.desktop });
  await page.route(/\/api\/(analyses|portfolio|deadlines)(\/|\?|$)/, () => {
    // Never answered: the page stays in its loading state until the context closes.
  });
  const violations: A11yViolation[] = [];
  const placeholders = [
    { url: "/analyses", name: "Loading your analyses" },
    { url: "/portfolio", name: "Loading your portfolio" },
    { url: "/deadlines", name: "Loading deadlines" },
  ];
  for (const { url, name } of placeholders) {
    await page.goto(url);
    await expect(page.locator(`[aria-busy="true"][aria-label="${name}"]`)).toBeVisible();
    violations.push(...(await scanForViolations(page, `user · desktop · ${url} loading`)));
  }
  await page.context().close();
  expectNoViolations(violations, testInfo);
});

/** The focused element's outline, as the browser paints it. */
async function focusedOutline(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return null;
    // A text field's ring is its outlined border, thickened to 2 px in the primary colour.
    const field = el.closest(".MuiOutlinedInput-root.Mui-focused");
    const notch = field?.querySelector(".MuiOutlinedInput-notchedOutline");
    if (notch) {
      const border = getComputedStyle(notch);
      return {
        element: `field ${el.getAttribute("name") ?? el.id}`,
        style: border.borderTopStyle,
        width: Number.parseFloat(border.borderTopWidth),
        color: border.borderTopColor,
      };
    }
    // A checkbox's or switch's <input> is transparent: its ring is on the MUI button around it.
    const painted =
      getComputedStyle(el).opacity === "0" ? (el.closest(".MuiButtonBase-root") ?? el) : el;
    const style = getComputedStyle(painted);
    return {
      element: `${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 40) ?? ""}`,
      style: style.outlineStyle,
      width: Number.parseFloat(style.outlineWidth),
      color: style.outlineColor,
    };
  });
}

// Keyboard users see where they are: every element reached by Tab draws an outline (the theme's
// `:focus-visible` ring), buttons, links, icon buttons and fields alike.
test("the keyboard focus ring is visible on every element Tab reaches", async ({
  signedInAs,
}, testInfo) => {
  const page = await signedInAs("user", { viewport: VIEWPORTS.desktop });
  await settle(page, "/account");
  const seen: string[] = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    const outline = await focusedOutline(page);
    if (!outline) continue;
    seen.push(outline.element);
    expect(outline.style, `outline of ${outline.element}`).not.toBe("none");
    expect(outline.width, `outline width of ${outline.element}`).toBeGreaterThanOrEqual(2);
    if (i === 2 || i === 8) {
      await page.screenshot({ path: testInfo.outputPath(`focus-ring-${i}.png`) });
    }
  }
  expect(seen.length).toBeGreaterThan(5);
});
