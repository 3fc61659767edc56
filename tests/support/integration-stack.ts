import { inject } from "vitest";

export type IntegrationStack = {
  baseUrl: string;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  metricsToken: string;
  /** The server's NEXTAUTH_SECRET: tests mint tokens the way an old server did. */
  sessionSecret: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    /** One private stack per integration worker (see tests/integration/global-setup.ts). */
    stacks: IntegrationStack[];
  }
}

/**
 * The stack of the vitest worker running this file. Integration files run in parallel, one
 * worker per stack, so a file that pauses its queue or counts its metrics sees only its own
 * stack's work; files of one worker run one after another and share it (each uses its own users).
 */
export function integrationStack(): IntegrationStack {
  const stacks = inject("stacks");
  const poolId = Number(process.env.VITEST_POOL_ID ?? "1");
  const stack = stacks[(poolId - 1) % stacks.length];
  if (!stack) throw new Error("no integration stack was started");
  return stack;
}
