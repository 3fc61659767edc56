import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/create-user";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { stopChild } from "@/scripts/lib/local-services";
import { ApiClient } from "@/tests/support/api-client";
import { appRoutes, fillRoute } from "@/tests/support/app-routes";
import { projectRoot, spawnLogged, waitForHttp } from "@/tests/support/child-processes";
import { integrationStack } from "@/tests/support/integration-stack";

const stack = integrationStack();
const { baseUrl } = stack;

function nonceOf(csp: string | null): string {
  const nonce = csp?.match(/script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
  if (!nonce) throw new Error(`no script nonce in CSP: ${csp}`);
  return nonce;
}

function expectPageHeaders(response: Response, label: string) {
  const csp = response.headers.get("content-security-policy") ?? "";
  const nonce = nonceOf(csp);
  expect(csp, label).toContain(`style-src 'self' 'nonce-${nonce}'`);
  expect(csp, label).toContain("'strict-dynamic'");
  for (const directive of [
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
  ]) {
    expect(csp, label).toContain(directive);
  }
  // Only `style` attributes are inline-allowed (see security-headers.ts); no eval in production.
  expect(csp.replace("style-src-attr 'unsafe-inline'", ""), label).not.toContain("unsafe");
  expectEveryAnswerHeaders(response, label);
  return nonce;
}

function expectEveryAnswerHeaders(response: Response, label: string) {
  expect(response.headers.get("permissions-policy"), label).toMatch(
    /(^|, )camera=\(\).*microphone=\(\)|microphone=\(\).*camera=\(\)/,
  );
  expect(response.headers.get("permissions-policy"), label).toContain("geolocation=()");
  expect(response.headers.get("content-security-policy"), label).toContain(
    "frame-ancestors 'none'",
  );
  expect(response.headers.get("x-content-type-options"), label).toBe("nosniff");
  // Served over http: no HSTS (a browser would ignore it, and it must not pin a dev host).
  expect(response.headers.get("strict-transport-security"), label).toBe(null);
}

describe("security headers: a nonce CSP on every page, static policies on every API answer", () => {
  let admin: ApiClient;
  let pages: { route: string; url: string; client: ApiClient }[];
  let analysisId: string;

  beforeAll(async () => {
    const email = `admin-${randomUUID()}@example.com`;
    await createUser({ email, password: "admin password 1", role: "admin" });
    admin = new ApiClient(baseUrl);
    await admin.signIn(email, "admin password 1");
    const adminId = (await db.select().from(users).where(eq(users.email, email)))[0]!.id;
    const upload = await admin.upload(new TextEncoder().encode("Agreement. Pay $5."), "a.txt");
    ({ analysisId } = ((await upload.json()) as { quote: { analysisId: string } }).quote);
    const anonymous = new ApiClient(baseUrl);
    // Every page in the app, read from the code; the sign-in pages as a visitor sees them.
    pages = appRoutes("page.tsx").map(({ route }) => ({
      route,
      url: fillRoute(route, { id: route.startsWith("/admin/users") ? adminId : analysisId }),
      client: route === "/signin" || route === "/signup" ? anonymous : admin,
    }));
  });

  it("lists the app's pages", () => {
    expect(pages.map((p) => p.route)).toEqual(
      expect.arrayContaining(["/signin", "/signup", "/upload", "/analyses/[id]", "/admin"]),
    );
  });

  it("gives every page a CSP whose fresh nonce is on each of its scripts and styles", async () => {
    for (const page of pages) {
      const first = await page.client.request("GET", page.url);
      const nonce = expectPageHeaders(first, page.url);
      if (page.route === "/") {
        expect(first.status, page.url).toBeGreaterThanOrEqual(300); // redirects to the app
        continue;
      }
      expect(first.status, page.url).toBe(200);
      const html = await first.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, page.url).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, page.url).toContain(`nonce="${nonce}"`);
      const styles = html.match(/<style\b[^>]*>/g) ?? [];
      expect(styles.length, `${page.url}: emotion's styles`).toBeGreaterThan(0);
      for (const tag of styles) expect(tag, page.url).toContain(`nonce="${nonce}"`);

      const second = await page.client.request("GET", page.url);
      expect(nonceOf(second.headers.get("content-security-policy")), page.url).not.toBe(nonce);
      await second.arrayBuffer();
    }
  });

  it("puts the CSP on the proxy's own answers: the sign-in redirect and the 403 page", async () => {
    const redirect = await new ApiClient(baseUrl).request("GET", "/upload");
    expect(redirect.status).toBe(307);
    expectPageHeaders(redirect, "redirect");
    const { client: user } = await ApiClient.signUp(baseUrl);
    const forbidden = await user.request("GET", "/admin");
    expect(forbidden.status).toBe(403);
    const nonce = expectPageHeaders(forbidden, "403 page");
    expect(await forbidden.text()).toContain(`<style nonce="${nonce}">`);
  });

  it("gives every API answer Permissions-Policy and a no-content CSP, the status poll included", async () => {
    const anonymous = new ApiClient(baseUrl);
    const answers: [string, Response][] = [
      ["ping", await anonymous.request("GET", "/api/ping")],
      ["health", await anonymous.request("GET", "/api/health")],
      ["401", await anonymous.request("GET", "/api/analyses")],
      ["list", await admin.request("GET", "/api/analyses")],
      ["status poll", await admin.request("GET", `/api/analyses/${analysisId}`)],
      ["422 sign-up", await anonymous.request("POST", "/api/users", { json: {} })],
      [
        "403 cross-origin",
        await admin.request("POST", "/api/analyses", {
          json: {},
          headers: { "sec-fetch-site": "cross-site" },
        }),
      ],
      ["next-auth", await anonymous.request("GET", "/api/auth/csrf")],
    ];
    for (const [label, response] of answers) {
      expect(response.headers.get("content-security-policy"), label).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expectEveryAnswerHeaders(response, label);
      await response.arrayBuffer();
    }
  });
});

describe("public/: icons, robots.txt and the social card", () => {
  it("serves each static file with its type, and the SVG under a no-content CSP", async () => {
    const anonymous = new ApiClient(baseUrl);
    for (const [file, type] of [
      ["/favicon.ico", "image/x-icon"],
      ["/brand/icon.svg", "image/svg+xml"],
      ["/brand/icon-192.png", "image/png"],
      ["/brand/icon-512.png", "image/png"],
      ["/brand/apple-touch-icon.png", "image/png"],
      ["/brand/social-card.png", "image/png"],
      ["/robots.txt", "text/plain"],
    ] as const) {
      const response = await anonymous.request("GET", file);
      expect(response.status, file).toBe(200);
      expect(response.headers.get("content-type"), file).toContain(type);
      expect(response.headers.get("x-content-type-options"), file).toBe("nosniff");
      if (file.startsWith("/brand/")) {
        expect(response.headers.get("content-security-policy"), file).toBe(
          "default-src 'none'; frame-ancestors 'none'",
        );
      }
      if (file === "/robots.txt") {
        const robots = await response.text();
        expect(robots).toMatch(/^Allow: \/signin$/m);
        for (const area of ["/api/", "/analyses", "/upload", "/credits", "/admin"]) {
          expect(robots).toMatch(new RegExp(`^Disallow: ${area}$`, "m"));
        }
      } else {
        await response.arrayBuffer();
      }
    }
  });

  it("links the icons and an absolute social card from every page's head", async () => {
    const html = await (await new ApiClient(baseUrl).request("GET", "/signin")).text();
    expect(html).toContain('<link rel="icon" href="/favicon.ico"');
    expect(html).toMatch(/<link rel="icon" href="\/brand\/icon\.svg" type="image\/svg\+xml"/);
    expect(html).toContain('<link rel="apple-touch-icon" href="/brand/apple-touch-icon.png"');
    expect(html).toContain(
      `<meta property="og:image" content="${new URL("/brand/social-card.png", baseUrl)}"`,
    );
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"');
  });
});

describe("the proxy's reach (matcher compiled into the build)", () => {
  it("runs for every page, never for an API route (it would buffer the upload) or an asset", () => {
    const manifest = JSON.parse(
      fs.readFileSync(
        path.join(projectRoot, ".next/server/functions-config-manifest.json"),
        "utf8",
      ),
    ) as { functions: Record<string, { matchers: { regexp: string }[] }> };
    const matchers = manifest.functions["/_middleware"]!.matchers.map((m) => new RegExp(m.regexp));
    const runsFor = (pathname: string) => matchers.some((m) => m.test(pathname));
    const id = randomUUID();
    for (const pathname of [
      `/api/analyses/${id}`,
      "/api/documents",
      "/api/auth/callback/credentials",
      "/api/ping",
      "/_next/static/chunks/app.js",
      "/favicon.ico",
      "/robots.txt",
      "/brand/icon.svg",
      "/brand/social-card.png",
    ]) {
      expect(runsFor(pathname), pathname).toBe(false);
    }
    for (const pathname of ["/", "/signin", `/analyses/${id}`, "/admin/users", "/upload"]) {
      expect(runsFor(pathname), pathname).toBe(true);
    }
  });
});

describe("HSTS: read from NEXTAUTH_URL when the server starts, not when it was built", () => {
  const port = Number(new URL(baseUrl).port) + 2;
  const httpsServer = `http://127.0.0.1:${port}`;
  let server: ReturnType<typeof spawnLogged>;

  beforeAll(async () => {
    // The same build, deployed behind a TLS proxy at an https URL.
    server = spawnLogged(
      path.join(projectRoot, "node_modules/.bin/next"),
      ["start", "-p", String(port), "-H", "127.0.0.1"],
      {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: stack.databaseUrl,
        REDIS_URL: stack.redisUrl,
        QUEUE_PREFIX: stack.queuePrefix,
        NEXTAUTH_SECRET: randomUUID(),
        NEXTAUTH_URL: "https://clauseflow.example.com",
        SMTP_URL: "smtp://127.0.0.1:2525",
        MAIL_FROM: "Clauseflow <no-reply@clauseflow.example.com>",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      path.join(projectRoot, "test-results", `hsts-${port}.log`),
    );
    await waitForHttp(`${httpsServer}/api/ping`, 60_000);
  });
  afterAll(() => stopChild(server));

  it("sends HSTS on pages and API answers (the status poll too) and upgrades requests", async () => {
    const hsts = "max-age=63072000; includeSubDomains";
    const page = await fetch(`${httpsServer}/signin`);
    expect(page.headers.get("strict-transport-security")).toBe(hsts);
    expect(page.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    for (const url of [
      "/api/ping",
      "/api/health",
      "/api/auth/csrf",
      "/api/metrics",
      `/api/analyses/${randomUUID()}`,
    ]) {
      const response = await fetch(`${httpsServer}${url}`);
      expect(response.headers.get("strict-transport-security"), url).toBe(hsts);
    }
  });
});
