/** The mail, board and activity adapters against the emulator: what Graph receives, and what a lost answer means. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { GraphConnection } from "../../src/server/adapters/graph/connect-graph.js";
import { GraphActivityNotifier } from "../../src/server/adapters/graph/graph-activity-notifier.js";
import { GraphMailer, MARKER_PROPERTY } from "../../src/server/adapters/graph/graph-mailer.js";
import { WorkflowWebhookNotifier } from "../../src/server/adapters/graph/workflow-webhook-notifier.js";
import { DeliveryError } from "../../src/server/ports/delivery-error.js";
import { connectToEmulator } from "../emulator/connect-to-emulator.js";
import { GraphEmulator } from "../emulator/graph-emulator.js";

let emulator: GraphEmulator;
let graph: GraphConnection;
let mailer: GraphMailer;
let board: WorkflowWebhookNotifier;

const email = (marker: string) => ({
  marker,
  to: [{ name: "Sam Learner", address: "sam@example.org" }],
  subject: "The outcome of your complaint (CMP-2026-0001)",
  text: "Please find our letter attached.",
  attachments: [{ name: "outcome-letter.txt", contentType: "text/plain", content: Buffer.from("Dear Sam") }],
});

beforeAll(async () => {
  emulator = await GraphEmulator.start();
  graph = connectToEmulator(emulator, { timeoutMs: 500 });
  mailer = new GraphMailer({ graph: graph.appGraph, sharedMailbox: emulator.options.sharedMailbox, settleMs: 10 });
  board = new WorkflowWebhookNotifier({
    webhookUrl: emulator.webhookUrl,
    transport: graph.transport,
    graph: graph.appGraph,
    teamId: emulator.options.teamId,
    channelId: emulator.options.channelId,
    settleMs: 10,
  });
  await graph.tokens.appOnly(); // so the token call does not count against the short timeout below
});
afterAll(async () => {
  graph.close();
  await emulator.close();
});

describe("Graph delivery adapters", () => {
  test("sendMail from the shared mailbox carries the marker as an extended property; Sent Items finds it", async () => {
    await mailer.send(email("CMP-2026-0001/job-a"));
    const sent = emulator.sent.at(-1);
    expect(sent?.mailbox).toBe(emulator.options.sharedMailbox);
    const message = sent?.message as { singleValueExtendedProperties: unknown[] } | undefined;
    expect(message?.singleValueExtendedProperties).toEqual([{ id: MARKER_PROPERTY, value: "CMP-2026-0001/job-a" }]);
    expect(await mailer.findSent("CMP-2026-0001/job-a")).not.toBeNull();
    expect(await mailer.findSent("CMP-2026-0001/job-b")).toBeNull();
  });

  test("a slow answer past the timeout is an unknown outcome — and the mail did go, as the marker shows", async () => {
    emulator.faults.add({ match: /sendMail$/, kind: "slow", delayMs: 1500, times: 1 });
    const failure = await mailer.send(email("CMP-2026-0001/job-slow")).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect((failure as DeliveryError).outcomeUnknown).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await mailer.findSent("CMP-2026-0001/job-slow")).not.toBeNull();
  });

  test("a refused mailbox is permanent; throttling is not", async () => {
    const other = new GraphMailer({ graph: graph.appGraph, sharedMailbox: "someone.else@example.org" });
    const refused = (await other.send(email("x")).catch((e: unknown) => e)) as DeliveryError;
    expect(refused.permanent).toBe(true);
    // The status and Graph's code travel as fields: the worker branches on them, never on the message's words.
    expect(refused.status).toBe(403);
    expect(refused.graphCode).toBeTruthy();
    emulator.faults.add({ match: /sendMail$/, kind: "status", status: 429, retryAfterSeconds: 3, times: 1 });
    const throttled = (await mailer.send(email("y")).catch((e: unknown) => e)) as DeliveryError;
    expect(throttled.permanent).toBe(false);
    expect(throttled.retryAfterMs).toBe(3000);
    expect(throttled.status).toBe(429);
    expect(throttled.throttled).toBe(true);
  });

  test("the webhook gets a message with one Adaptive Card; a dropped answer is unknown, and the channel shows the post", async () => {
    const card = {
      type: "AdaptiveCard",
      version: "1.5",
      body: [{ type: "TextBlock", text: "Redress notice CMP-2026-0002/abc" }],
    };
    emulator.faults.add({ match: /^POST \/workflows\//, kind: "drop-answer", times: 1 });
    const failure = (await board.post({ marker: "CMP-2026-0002/abc", card }).catch((e: unknown) => e)) as DeliveryError;
    expect(failure.outcomeUnknown).toBe(true);
    expect(await board.findPosted("CMP-2026-0002/abc")).toBe(true);
    expect(await board.findPosted("CMP-2026-0002/zzz")).toBe(false);
    const lookupless = new WorkflowWebhookNotifier({
      webhookUrl: emulator.webhookUrl,
      transport: graph.transport,
      graph: graph.appGraph,
      teamId: null,
      channelId: null,
    });
    expect(await lookupless.findPosted("CMP-2026-0002/abc")).toBeNull();
  });

  test("activity notices go to the person's object id", async () => {
    await new GraphActivityNotifier({ graph: graph.appGraph }).notify({
      marker: "m",
      userId: `${emulator.options.tenantId}:aaaa-bbbb`,
      kind: "caseAssigned",
      previewText: "Complaint CMP-2026-0003 has been assigned to you.",
      caseUrl: "https://teams.microsoft.com/l/entity/app/board",
      reference: "CMP-2026-0003",
    });
    expect(emulator.activity.at(-1)).toMatchObject({ userId: "aaaa-bbbb", body: { activityType: "caseAssigned" } });
  });
});
