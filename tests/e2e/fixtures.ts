import fs from "node:fs";
import path from "node:path";
import {
  type BrowserContext,
  type BrowserContextOptions,
  test as base,
  expect,
  type Page,
  request,
} from "@playwright/test";
import { ApiClient } from "@/tests/support/api-client";
import { type Account, readSeed } from "./seed";

export { expect };

/** A console line about the page's security policies: a CSP violation, a bad Permissions-Policy. */
const POLICY_MESSAGE = /Content[- ]Security[- ]Policy|Permissions[- ]Policy/i;

/**
 * React's hydration failure, minified (#418, #423, #425) or not. React then throws the server's
 * HTML away and renders the tree again, so an element a test just found can vanish under it
 * (an invalid nesting like a Chip's <div> inside a <p> did exactly that).
 */
const HYDRATION_ERROR = /Minified React error #(418|423|425)\b|Hydration failed/;

export type Role = "user" | "admin";

type TestFixtures = {
  policyMessages: string[];
  /**
   * A new page in its own browser context, already signed in as the seeded account of `role`
   * (tests/e2e/global-setup.ts). Each call is a separate browser session; all are closed after
   * the test.
   */
  signedInAs: (role: Role, options?: BrowserContextOptions) => Promise<Page>;
  /**
   * A new page signed in as a brand-new, verified account of its own (100 credits): for journeys
   * that must not share the seeded user's per-user limits (uploads in flight, admission) with
   * the specs running beside them.
   */
  signedInAsNewUser: (options?: BrowserContextOptions) => Promise<Page>;
  /** The seeded user's page, signed in. */
  userPage: Page;
  /** The seeded admin's page, signed in. */
  adminPage: Page;
};
type WorkerFixtures = {
  /** Path of a saved signed-in browser state per role, made once per worker on first use. */
  sessionState: (role: Role) => Promise<string>;
};

/**
 * Signs in through next-auth's credentials endpoint, as the form does, without driving the form:
 * only the sign-in specs test the form itself. Returns the saved cookies as a storage state file.
 */
async function saveSignedInState(baseURL: string, who: Account, file: string): Promise<string> {
  const api = await request.newContext({ baseURL });
  try {
    const csrf = await api.get("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await api.post("/api/auth/callback/credentials", {
      form: { email: who.email, password: who.password, csrfToken, json: "true" },
      maxRedirects: 0,
    });
    const state = await api.storageState({ path: file });
    if (!state.cookies.some((c) => c.name === "next-auth.session-token")) {
      throw new Error(`sign-in failed for ${who.email}: ${response.status()}`);
    }
    return file;
  } finally {
    await api.dispose();
  }
}

/**
 * Every journey runs under the app's CSP and fails on any console message about it, or on a
 * hydration failure, in every browser context it opens (the journeys open their own with
 * `browser.newContext`). The init script reports each `securitypolicyviolation` event to the
 * console too, so a blocked resource cannot slip by without Chromium's own message.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  policyMessages: [
    async ({ browser, context }, use, testInfo) => {
      const messages: string[] = [];
      const watch = async (ctx: BrowserContext) => {
        await ctx.addInitScript(() => {
          document.addEventListener("securitypolicyviolation", (e) => {
            console.error(
              `Content Security Policy violation: ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`,
            );
          });
        });
        ctx.on("weberror", (error) => {
          const text = error.error().message;
          if (HYDRATION_ERROR.test(text)) {
            messages.push(`${error.page()?.url() ?? "?"}: ${text.slice(0, 200)}`);
          }
        });
        ctx.on("console", (message) => {
          if (POLICY_MESSAGE.test(message.text())) {
            messages.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
          }
        });
      };
      await watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const created = await newContext(...args);
        await watch(created);
        return created;
      };
      await use(messages);
      browser.newContext = newContext;
      if (messages.length > 0) {
        await testInfo.attach("policy-messages", { body: messages.join("\n") });
      }
      expect(messages, "CSP, Permissions-Policy or hydration errors").toEqual([]);
    },
    { auto: true },
  ],

  sessionState: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern
    async ({}, use, workerInfo) => {
      const baseURL = String(workerInfo.project.use.baseURL);
      const dir = path.join(workerInfo.project.outputDir, ".auth");
      fs.mkdirSync(dir, { recursive: true });
      const saved = new Map<Role, Promise<string>>();
      await use((role) => {
        if (!saved.has(role)) {
          const file = path.join(dir, `${role}-worker-${workerInfo.workerIndex}.json`);
          saved.set(role, saveSignedInState(baseURL, readSeed()[role], file));
        }
        return saved.get(role)!;
      });
    },
    { scope: "worker" },
  ],

  // Depends on policyMessages so its contexts are watched, and closed before the check.
  signedInAs: async ({ browser, sessionState, policyMessages: _ }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (role, options = {}) => {
      const context = await browser.newContext({
        ...options,
        storageState: await sessionState(role),
      });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
  signedInAsNewUser: async ({ browser, policyMessages: _ }, use, testInfo) => {
    const contexts: BrowserContext[] = [];
    await use(async (options = {}) => {
      const baseURL = String(testInfo.project.use.baseURL);
      const account = await ApiClient.signUp(baseURL);
      const file = testInfo.outputPath(`new-user-${contexts.length}.json`);
      const context = await browser.newContext({
        ...options,
        storageState: await saveSignedInState(baseURL, account, file),
      });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
  userPage: async ({ signedInAs }, use) => use(await signedInAs("user")),
  adminPage: async ({ signedInAs }, use) => use(await signedInAs("admin")),
});
