import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";
import { LOCAL_DATABASE_URL, LOCAL_REDIS_URL } from "@/lib/local-defaults";

const production = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://app@db:5432/clauseflow",
  REDIS_URL: "redis://redis:6379",
  NEXTAUTH_SECRET: "x".repeat(32),
  NEXTAUTH_URL: "https://clauseflow.example",
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
  });

  it("lists every missing variable in one message, empty values counting as missing", () => {
    const message = problems({ NODE_ENV: "production", DATABASE_URL: "" });
    for (const name of ["DATABASE_URL", "REDIS_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL"]) {
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
