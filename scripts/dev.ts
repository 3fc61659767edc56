import { runStack } from "./lib/run-stack";

await runStack("dev").catch((error: Error) => {
  console.error(`[stack] ${error.message}`);
  process.exit(1);
});
