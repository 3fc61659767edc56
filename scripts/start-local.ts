import { runStack } from "./lib/run-stack";

// `npm run start:local`: production mode on this machine, no configuration needed.
await runStack("local").catch((error: Error) => {
  console.error(`[stack] ${error.message}`);
  process.exit(1);
});
