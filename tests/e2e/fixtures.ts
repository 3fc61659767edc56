import { type BrowserContext, test as base, expect } from "@playwright/test";

export { expect };

/** A console line about the page's security policies: a CSP violation, a bad Permissions-Policy. */
const POLICY_MESSAGE = /Content[- ]Security[- ]Policy|Permissions[- ]Policy/i;

/**
 * Every journey runs under the app's CSP and fails on any console message about it, in every
 * browser context it opens (the journeys open their own with `browser.newContext`). The init
 * script reports each `securitypolicyviolation` event to the console too, so a blocked
 * resource cannot slip by without Chromium's own message.
 */
export const test = base.extend<{ policyMessages: string[] }>({
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
      expect(messages, "console messages about the CSP or Permissions-Policy").toEqual([]);
    },
    { auto: true },
  ],
});
