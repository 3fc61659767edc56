import path from "node:path";
import { defineConfig } from "vitest/config";
import { integrationWorkers } from "./tests/support/integration-workers";
import { LongFilesFirstSequencer } from "./tests/support/long-files-first-sequencer";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    // Per-file order across all projects (vitest allows one sequencer): see the sequencer.
    sequence: { sequencer: LongFilesFirstSequencer },
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup-env.ts"],
          // Files run in parallel, one private stack (server, worker, database, queue prefix)
          // per vitest worker: see tests/integration/global-setup.ts.
          fileParallelism: true,
          maxWorkers: integrationWorkers(),
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
