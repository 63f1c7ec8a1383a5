import { describe, expect, test } from "vitest";
import { ConfigError, loadConfig } from "../../../src/server/config/config.js";

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("database settings", () => {
  test("without DATABASE_URL the cases stay in the SQLite file under DATA_DIR", () => {
    const config = loadConfig({ DATA_DIR: "/tmp/redress-config-test" });
    expect(config.postgres).toBeNull();
    expect(config.databaseFile).toBe("/tmp/redress-config-test/redress.sqlite");
    expect(config.outboxLeaseMs).toBe(60_000);
  });

  test("a PostgreSQL address selects PostgreSQL, with the pool size and lease given", () => {
    const url = "postgres://redress:s3cret@db.example.org:5432/redress?sslmode=require";
    const config = loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: "4", OUTBOX_LEASE_SECONDS: "30" });
    expect(config.postgres).toEqual({ url, poolSize: 4 });
    expect(config.outboxLeaseMs).toBe(30_000);
    expect(loadConfig({ DATABASE_URL: "postgresql://h/db" }).postgres?.poolSize).toBe(10);
  });

  test("a wrong address, pool size or lease stops the start with every problem listed, never the password", () => {
    const listed = problems({
      DATABASE_URL: "mysql://redress:s3cret@db.example.org/redress",
      DATABASE_POOL_SIZE: "0",
      OUTBOX_LEASE_SECONDS: "600",
    });
    expect(listed.some((p) => p.startsWith("DATABASE_POOL_SIZE"))).toBe(true);
    expect(listed.some((p) => p.startsWith("OUTBOX_LEASE_SECONDS"))).toBe(true);
    const urlProblems = problems({ DATABASE_URL: "mysql://redress:s3cret@db.example.org/redress" });
    expect(urlProblems).toHaveLength(1);
    expect(urlProblems[0]).toMatch(/^DATABASE_URL: must be a PostgreSQL address/);
    expect(problems({ DATABASE_URL: "postgres://redress:s3cret@db.example.org" })[0]).toMatch(/database name/);
    expect(JSON.stringify([...listed, ...urlProblems])).not.toContain("s3cret");
  });
});
