import { beforeAll } from "vitest";
import { openFreshPostgres, sharedPglite, TEST_POSTGRES_URL } from "../support/postgres.js";
import { boardHeadContract } from "./board-head.contract.js";
import { caseStoreContract } from "./case-store.contract.js";
import { governanceStoreContract } from "./governance-store.contract.js";
import { meetingsStoreContract } from "./meetings-store.contract.js";
import { outboxClaimsContract } from "./outbox-claims.contract.js";

// With TEST_POSTGRES_URL (CI starts PostgreSQL 15 and sets it) the suite runs against that server; otherwise
// against PGlite in-process, so a machine without a server still tests the PostgreSQL dialect.
if (!TEST_POSTGRES_URL) {
  console.info("TEST_POSTGRES_URL is not set: the PostgreSQL contract runs on PGlite (in-process PostgreSQL).");
  beforeAll(async () => {
    await sharedPglite();
  }, 120_000);
}

caseStoreContract(TEST_POSTGRES_URL ? "PostgreSQL server" : "PostgreSQL (PGlite)", () => openFreshPostgres());

boardHeadContract(TEST_POSTGRES_URL ? "PostgreSQL server" : "PostgreSQL (PGlite)", () => openFreshPostgres());

outboxClaimsContract(TEST_POSTGRES_URL ? "PostgreSQL server" : "PostgreSQL (PGlite)", () => openFreshPostgres());

governanceStoreContract(TEST_POSTGRES_URL ? "PostgreSQL server" : "PostgreSQL (PGlite)", () => openFreshPostgres());

meetingsStoreContract(TEST_POSTGRES_URL ? "PostgreSQL server" : "PostgreSQL (PGlite)", () => openFreshPostgres());
