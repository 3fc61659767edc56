import { runStack } from "./lib/run-stack";

await runStack("production");
