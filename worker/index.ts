// Entry point of the worker process. The service name must be set before the logger module is
// evaluated, and ESM evaluates static imports first — hence the dynamic import.
process.env.CLAUSEFLOW_SERVICE ??= "worker";
await import("./run-worker");

export {};
