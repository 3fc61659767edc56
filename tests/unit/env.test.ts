import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";
import { LOCAL_DATABASE_URL, LOCAL_REDIS_URL } from "@/lib/local-defaults";

const production = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://app@db:5432/clauseflow",
  REDIS_URL: "redis://redis:6379",
  NEXTAUTH_SECRET: "x".repeat(32),
  NEXTAUTH_URL: "https://clauseflow.example",
  SMTP_URL: "smtp://mailer:secret@smtp.clauseflow.example:587",
  MAIL_FROM: "Clauseflow <no-reply@clauseflow.example>",
} as const;

function problems(source: Record<string, string>): string {
  try {
    parseEnv(source as NodeJS.ProcessEnv);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("parseEnv accepted the environment");
}

describe("parseEnv: production needs its configuration; development keeps local defaults", () => {
  it("uses the local services in development and tests", () => {
    for (const NODE_ENV of ["development", "test"]) {
      const env = parseEnv({ NODE_ENV } as NodeJS.ProcessEnv);
      expect(env.DATABASE_URL).toBe(LOCAL_DATABASE_URL);
      expect(env.REDIS_URL).toBe(LOCAL_REDIS_URL);
    }
  });

  it("accepts a complete production environment as given", () => {
    const env = parseEnv({ ...production } as NodeJS.ProcessEnv);
    expect(env.DATABASE_URL).toBe(production.DATABASE_URL);
    expect(env.REDIS_URL).toBe(production.REDIS_URL);
    expect(env.SMTP_URL).toBe(production.SMTP_URL);
    expect(env.MAIL_FROM).toBe(production.MAIL_FROM);
  });

  it("lists every missing variable in one message, empty values counting as missing", () => {
    const message = problems({ NODE_ENV: "production", DATABASE_URL: "" });
    for (const name of [
      "DATABASE_URL",
      "REDIS_URL",
      "NEXTAUTH_SECRET",
      "NEXTAUTH_URL",
      "SMTP_URL",
      "MAIL_FROM",
    ]) {
      expect(message).toContain(`${name} is not set`);
    }
  });

  it("refuses a short secret, together with any other problem", () => {
    const message = problems({ ...production, NEXTAUTH_SECRET: "short", MAX_PAGES: "-1" });
    expect(message).toContain("NEXTAUTH_SECRET is too short (5 characters, need 32+)");
    expect(message).toContain("MAX_PAGES");
  });

  it("lets `next build` run without production secrets", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      NEXT_PHASE: "phase-production-build",
    } as NodeJS.ProcessEnv);
    expect(env.DATABASE_URL).toBe(LOCAL_DATABASE_URL);
  });
});

describe("parseEnv: every variable the app reads goes through the schema", () => {
  it("sizes the Postgres pool from DB_POOL_MAX, 10 by default, and refuses a pool of none", () => {
    expect(parseEnv({ NODE_ENV: "test" } as NodeJS.ProcessEnv).DB_POOL_MAX).toBe(10);
    expect(parseEnv({ NODE_ENV: "test", DB_POOL_MAX: "25" } as NodeJS.ProcessEnv).DB_POOL_MAX).toBe(
      25,
    );
    expect(problems({ DB_POOL_MAX: "0" })).toContain("DB_POOL_MAX");
  });

  it("names the service in logs from CLAUSEFLOW_SERVICE, web by default", () => {
    expect(parseEnv({ NODE_ENV: "test" } as NodeJS.ProcessEnv).CLAUSEFLOW_SERVICE).toBe("web");
    expect(
      parseEnv({ NODE_ENV: "test", CLAUSEFLOW_SERVICE: "worker" } as NodeJS.ProcessEnv)
        .CLAUSEFLOW_SERVICE,
    ).toBe("worker");
    expect(problems({ CLAUSEFLOW_SERVICE: "my worker" })).toContain("CLAUSEFLOW_SERVICE");
  });
});

describe("parseEnv: a pooler in transaction mode and Redis behind Sentinel", () => {
  it("prepares statements unless DATABASE_PREPARED_STATEMENTS=false, and refuses other words", () => {
    expect(parseEnv({} as NodeJS.ProcessEnv).DATABASE_PREPARED_STATEMENTS).toBe(true);
    expect(
      parseEnv({ DATABASE_PREPARED_STATEMENTS: "false" } as unknown as NodeJS.ProcessEnv)
        .DATABASE_PREPARED_STATEMENTS,
    ).toBe(false);
    expect(problems({ DATABASE_PREPARED_STATEMENTS: "no" })).toContain(
      "DATABASE_PREPARED_STATEMENTS",
    );
  });

  it("reads REDIS_SENTINELS + REDIS_SENTINEL_MASTER, keeping REDIS_URL's password for the master", () => {
    const env = parseEnv({
      REDIS_URL: "redis://:s3cret@ignored:6379",
      REDIS_SENTINELS: "198.18.0.10:26379, s2.example:26380",
      REDIS_SENTINEL_MASTER: "clauseflow",
    } as unknown as NodeJS.ProcessEnv);
    expect(env.REDIS).toEqual({
      kind: "sentinel",
      sentinels: [
        { host: "198.18.0.10", port: 26379 },
        { host: "s2.example", port: 26380 },
      ],
      name: "clauseflow",
      username: undefined,
      password: "s3cret",
      sentinelPassword: undefined,
    });
  });

  it("reads a redis+sentinel:// URL, and needs neither REDIS_URL nor REDIS_SENTINELS twice", () => {
    const env = parseEnv({
      ...production,
      REDIS_URL: "redis+sentinel://app:p%40ss@a:26379,b:26379/mymaster",
    } as NodeJS.ProcessEnv);
    expect(env.REDIS).toEqual({
      kind: "sentinel",
      sentinels: [
        { host: "a", port: 26379 },
        { host: "b", port: 26379 },
      ],
      name: "mymaster",
      username: "app",
      password: "p@ss",
      sentinelPassword: undefined,
    });
    expect(
      parseEnv({
        REDIS_URL: "redis+sentinel://a:26379/m",
        REDIS_SENTINEL_PASSWORD: "guard",
      } as unknown as NodeJS.ProcessEnv).REDIS,
    ).toMatchObject({ kind: "sentinel", sentinelPassword: "guard", password: undefined });
    const { REDIS_URL: _, ...withoutUrl } = production;
    const sentinelOnly = parseEnv({
      ...withoutUrl,
      REDIS_SENTINELS: "a:26379",
      REDIS_SENTINEL_MASTER: "m",
    } as NodeJS.ProcessEnv);
    expect(sentinelOnly.REDIS.kind).toBe("sentinel");
    expect(parseEnv({ ...production } as NodeJS.ProcessEnv).REDIS).toEqual({
      kind: "direct",
      url: production.REDIS_URL,
    });
  });

  it("refuses sentinels without a master name and malformed sentinel lists", () => {
    expect(problems({ REDIS_SENTINELS: "a:26379" })).toContain("REDIS_SENTINEL_MASTER");
    expect(problems({ REDIS_SENTINELS: "a,b", REDIS_SENTINEL_MASTER: "m" })).toContain(
      'write it as "host:port,host:port"',
    );
    expect(problems({ REDIS_URL: "redis+sentinel://a:1,b/m" })).toContain("REDIS_URL");
  });
});
