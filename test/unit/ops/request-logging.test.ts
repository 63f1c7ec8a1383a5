/** The logger's own defences: personal fields censored wherever they sit, addresses and tokens masked in text. */
import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, test } from "vitest";
import { loggerOptions } from "../../../src/server/http/request-logging.js";

function capture(): { log: pino.Logger; lines: () => Array<Record<string, unknown>>; text: () => string } {
  let text = "";
  const sink = new Writable({
    write(chunk, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  const log = pino(loggerOptions("trace"), sink);
  return {
    log,
    text: () => text,
    lines: () =>
      text
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe("request logging", () => {
  test("fields that carry people's details are censored at any depth up to three levels", () => {
    const c = capture();
    c.log.info(
      { complainant: { name: "Jane Learner" }, case: { subject: "My course", meta: { email: "x" } } },
      "logged",
    );
    expect(c.lines()[0]).toMatchObject({
      complainant: "[redacted]",
      case: { subject: "[redacted]", meta: { email: "[redacted]" } },
    });
    expect(c.text()).not.toContain("Jane");
  });

  test("addresses and bearer tokens are masked in messages and in errors' messages and stacks", () => {
    const c = capture();
    const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqYW5lIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
    c.log.warn(
      { err: new Error("550 mailbox jane.learner@example.org unknown") },
      `sent with ${jwt} to bob@example.com`,
    );
    const line = c.lines()[0] as { msg: string; err: { message: string; stack: string } };
    expect(line.msg).toBe("sent with [token] to [email]");
    expect(line.err.message).toBe("550 mailbox [email] unknown");
    expect(line.err.stack).not.toContain("@example.org");
    expect(c.text()).not.toMatch(/example\.(org|com)|eyJ/);
  });

  test("a request is logged by method and route pattern only", () => {
    const c = capture();
    c.log.info(
      {
        req: {
          method: "GET",
          url: "/api/cases?q=Jane%20Learner",
          routeOptions: { url: "/api/cases" },
          headers: { authorization: "Bearer x" },
        },
      },
      "incoming request",
    );
    expect(c.lines()[0]?.req).toEqual({ method: "GET", route: "/api/cases" });
  });
});
