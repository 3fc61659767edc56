import { runStack } from "./lib/run-stack";

await runStack("production").catch((error: Error) => {
  console.error(`[stack] ${error.message}`);
  process.exit(1);
});
