import { describe, expect, it } from "vitest";
import { createRedisConnection } from "@/lib/jobs/redis-connection";

describe("createRedisConnection behind Sentinel", () => {
  const target = {
    kind: "sentinel" as const,
    sentinels: [
      { host: "127.0.0.1", port: 1 },
      { host: "127.0.0.1", port: 2 },
    ],
    name: "clauseflow",
    password: "secret",
    sentinelPassword: "guard",
  };

  it("asks the sentinels for the master, follows failovers and resends what a demoted master refused", () => {
    for (const role of ["worker", "producer"] as const) {
      const connection = createRedisConnection(role, target);
      try {
        const { options } = connection;
        expect(options.sentinels).toEqual(target.sentinels);
        expect(options.name).toBe("clauseflow");
        expect(options.role).toBe("master");
        expect(options.password).toBe("secret");
        expect(options.sentinelPassword).toBe("guard");
        expect(options.failoverDetector).toBe(true);
        const reconnect = options.reconnectOnError as (error: Error) => boolean | 1 | 2;
        expect(reconnect(new Error("READONLY You can't write against a read only replica."))).toBe(
          2,
        );
        expect(reconnect(new Error("ERR wrong number of arguments"))).toBe(false);
        // While no sentinel answers (a partition), keep asking: never end the connection.
        const retry = options.sentinelRetryStrategy as (times: number) => number | null;
        expect(retry(1_000)).toBe(1_000);
        expect(options.maxRetriesPerRequest).toBe(role === "worker" ? null : 1);
      } finally {
        connection.disconnect();
      }
    }
  });

  it("connects to one server when given a URL", () => {
    const connection = createRedisConnection("producer", "redis://127.0.0.1:1");
    try {
      expect(connection.options.sentinels).toBeFalsy();
      expect(connection.options.port).toBe(1);
    } finally {
      connection.disconnect();
    }
  });
});
