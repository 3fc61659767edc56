/**
 * Node.js flags of the production web server (`next start`): a 32 MB young generation, twice
 * V8's default. A server that allocates a little for every request then scavenges half as often
 * and promotes less to the old generation, whose collections are the long pauses. Measured with
 * `npm run bench:status` (bench/RESULTS.md): p99 of 1,000 tabs polling every 2 s went from
 * 58–65 ms to 28–34 ms at the same throughput.
 */
const WEB_SERVER_NODE_OPTIONS = "--max-semi-space-size=32";

/** `env` for a `next start` child process, keeping any NODE_OPTIONS already set. */
export function webServerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...env,
    NODE_OPTIONS: [env.NODE_OPTIONS, WEB_SERVER_NODE_OPTIONS].filter(Boolean).join(" "),
  };
}
