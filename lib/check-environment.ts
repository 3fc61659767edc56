/**
 * Process start (web: instrumentation.ts, worker: worker/index.ts): parses the environment once
 * and, if it cannot run the app, prints every problem in one message and exits — before anything
 * listens or connects, and without a stack trace that would bury the list.
 */
export async function checkEnvironmentOrExit(service: string): Promise<void> {
  try {
    await import("@/lib/env");
  } catch (error) {
    if (!(error instanceof Error) || error.name !== "EnvError") throw error;
    console.error(`[${service}] cannot start. ${error.message}`);
    process.exit(1);
  }
}
