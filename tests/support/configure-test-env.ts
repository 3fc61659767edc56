/**
 * The one way a harness running app modules in its own process (the integration setup file, a
 * unit test with small limits, chaos, stress, the pipeline bench) points them at its world:
 * docs/decisions/0012-configuration.md. lib/env parses process.env once, when first imported, and
 * the database pool, queue and logger read it at import. So call this before anything imports
 * lib/env — a harness imports app modules only with `await import(…)` after this call (a static
 * import is evaluated first) — and it throws if lib/env has already been parsed, instead of
 * leaving the harness quietly on the local defaults. Child processes (web server, workers) get
 * their environment through spawn's `env` option, not from here.
 */
export function configureTestEnv(vars: Record<string, string>): void {
  if ((globalThis as Record<symbol, unknown>)[Symbol.for("clauseflow.env.parsed")]) {
    throw new Error(
      `configureTestEnv(${Object.keys(vars).join(", ")}) came too late: lib/env was already parsed. Call it before importing any app module (load those with await import() after it).`,
    );
  }
  Object.assign(process.env, vars);
}
