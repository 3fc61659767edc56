// Entry point of the worker process. The service name is part of the environment, which lib/env
// parses once when first imported, and ESM evaluates static imports first — hence the dynamic
// imports. The environment is checked first so a misconfigured worker says what is missing
// instead of crashing on import.
process.env.CLAUSEFLOW_SERVICE ??= "worker";
const { checkEnvironmentOrExit } = await import("@/lib/check-environment");
await checkEnvironmentOrExit("worker");
const { checkDatabaseSchemaOrExit } = await import("@/lib/check-database-schema");
await checkDatabaseSchemaOrExit("worker");
await import("./run-worker");

export {};
