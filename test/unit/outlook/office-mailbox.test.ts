/// <reference types="office-js" />
/**
 * The Office.js mailbox adapter against office-addin-mock (host "outlook"): what the pane shows, how the whole
 * message is obtained on new and old clients, shared mailboxes, and tagging with and without permission.
 */
import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, test } from "vitest";
import { createOfficeMailbox } from "../../../src/outlook/mailbox/office-mailbox.js";

const ok = <T>(value?: T) => ({ status: "succeeded", value });
const failed = (name: string, code: number) => ({ status: "failed", error: { name, code, message: name } });

interface MockOptions {
  /** Highest Mailbox requirement set the client supports, e.g. "1.14". */
  mailbox?: string;
  masterCategories?: string[];
  categoriesDenied?: boolean;
  shared?: { owner: string; delegatePermissions: number } | null;
  /** The item's EWS id and convertToRestId, as every client from Mailbox 1.3 has them. */
  restIds?: boolean;
}

function mockOffice(options: MockOptions = {}) {
  const highest = Number((options.mailbox ?? "1.14").split(".")[1]);
  const master = [...(options.masterCategories ?? [])].map((displayName) => ({ displayName, color: "Preset2" }));
  const onItem: string[] = [];
  const item: Record<string, unknown> = {
    internetMessageId: "<abc@example.org>",
    conversationId: "AAQkADAwATM0",
    subject: "Unit 4 assessment",
    from: { displayName: "Jane Okoro", emailAddress: "jane.okoro@example.org" },
    to: [{ displayName: "Info", emailAddress: "info@cmsvoc.example" }],
    cc: [],
    dateTimeCreated: new Date("2026-11-24T17:30:00Z"),
    attachments: [
      { id: "att-1", name: "feedback.pdf", size: 2048, contentType: "application/pdf", isInline: false },
      { id: "att-2", name: "Meeting", size: 900, contentType: "message/rfc822", isInline: false },
    ],
    body: {
      getAsync: (type: string, cb: (r: unknown) => void) =>
        cb(ok(type === "html" ? "<p>I am very disappointed.</p>" : "I am very disappointed.")),
    },
    getAsFileAsync: (cb: (r: unknown) => void) => cb(ok(Buffer.from("From: a@b\r\n\r\nhello").toString("base64"))),
    getAttachmentContentAsync: (id: string, cb: (r: unknown) => void) =>
      cb(
        ok(
          id === "att-1"
            ? { format: "base64", content: Buffer.from("%PDF-1.4").toString("base64") }
            : { format: "eml", content: "Subject: inner\r\n\r\nbody" },
        ),
      ),
    categories: {
      addAsync: (names: string[], cb: (r: unknown) => void) => {
        if (options.categoriesDenied) return cb(failed("PermissionDenied", 9018));
        onItem.push(...names);
        cb(ok());
      },
    },
  };
  if (options.restIds) item.itemId = "AAMkAGI2TG93AAA/+ews=";
  if (options.shared !== undefined) {
    item.getSharedPropertiesAsync = (cb: (r: unknown) => void) =>
      options.shared ? cb(ok(options.shared)) : cb(failed("GenericResponseError", 9002));
  }
  const office = new OfficeMockObject(
    {
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) =>
            name === "Mailbox" && Number(version.split(".")[1]) <= highest,
        },
        mailbox: {
          item,
          masterCategories: {
            getAsync: (cb: (r: unknown) => void) => cb(ok(master)),
            addAsync: (list: Array<{ displayName: string; color: string }>, cb: (r: unknown) => void) => {
              if (options.categoriesDenied) return cb(failed("PermissionDenied", 9018));
              master.push(...list);
              cb(ok());
            },
          },
          ...(options.restIds
            ? {
                convertToRestId: (id: string, version: string) =>
                  `${version}:${id.replace(/\//g, "-").replace(/\+/g, "_")}`,
              }
            : {}),
          addHandlerAsync: () => {},
          removeHandlerAsync: () => {},
        },
      },
      CoercionType: { Text: "text", Html: "html" },
      EventType: { ItemChanged: "olkItemSelectedChanged" },
      MailboxEnums: {
        AttachmentContentFormat: { Base64: "base64", Url: "url", Eml: "eml", ICalendar: "iCalendar" },
        CategoryColor: { Preset0: "Preset0", Preset1: "Preset1" },
        RestVersion: { v2_0: "v2.0" },
      },
    },
    "outlook" as never,
  ) as unknown as typeof Office;
  return { office, master, onItem };
}

describe("Office mailbox adapter", () => {
  test("reads what the pane shows: sender, received time, subject and attachments", async () => {
    const mailbox = createOfficeMailbox(mockOffice().office);
    expect(await mailbox.readItem()).toEqual({
      internetMessageId: "<abc@example.org>",
      conversationId: "AAQkADAwATM0",
      subject: "Unit 4 assessment",
      from: { name: "Jane Okoro", address: "jane.okoro@example.org" },
      receivedAt: "2026-11-24T17:30:00.000Z",
      attachments: [
        { id: "att-1", name: "feedback.pdf", size: 2048, contentType: "application/pdf", isInline: false },
        { id: "att-2", name: "Meeting", size: 900, contentType: "message/rfc822", isInline: false },
      ],
    });
    expect(await mailbox.readBodyText()).toBe("I am very disappointed.");
  });

  test("has the summary at hand without waiting, so the pane's first render shows the email; none when no email is open", async () => {
    const { office } = mockOffice();
    const mailbox = createOfficeMailbox(office);
    const atHand = mailbox.itemAtHand?.();
    expect(atHand?.subject).toBe("Unit 4 assessment");
    expect(atHand?.from).toEqual({ name: "Jane Okoro", address: "jane.okoro@example.org" });
    expect(atHand).toEqual(await mailbox.readItem());
    (office.context.mailbox as { item: unknown }).item = null;
    expect(mailbox.itemAtHand?.()).toBeNull();
    expect(await mailbox.readItem()).toBeNull();
  });

  test("Mailbox 1.14: the whole message comes from getAsFileAsync, byte for byte", async () => {
    const mailbox = createOfficeMailbox(mockOffice({ mailbox: "1.14" }).office);
    const content = await mailbox.readMessage();
    expect(content.kind).toBe("eml");
    if (content.kind === "eml") expect(new TextDecoder().decode(content.bytes)).toBe("From: a@b\r\n\r\nhello");
  });

  test("before Mailbox 1.14: the body and each attachment's content go as parts", async () => {
    const mailbox = createOfficeMailbox(mockOffice({ mailbox: "1.13" }).office);
    expect(mailbox.capabilities()).toEqual({
      wholeMessage: false,
      attachmentContent: true,
      categories: true,
      sharedMailboxes: true,
    });
    const content = await mailbox.readMessage();
    expect(content.kind).toBe("parts");
    if (content.kind !== "parts") return;
    expect(content.parts).toMatchObject({
      internetMessageId: "<abc@example.org>",
      from: { name: "Jane Okoro", address: "jane.okoro@example.org" },
      body: { type: "html", content: "<p>I am very disappointed.</p>" },
    });
    expect(content.parts.attachments?.map((a) => [a.name, a.contentType])).toEqual([
      ["feedback.pdf", "application/pdf"],
      ["Meeting.eml", "message/rfc822"],
    ]);
    expect(Buffer.from(content.parts.attachments?.[1]?.contentBase64 ?? "", "base64").toString()).toContain("inner");
  });

  test("before Mailbox 1.14 with an item id: the server is asked to read the .eml (REST id), parts only on demand", async () => {
    const mailbox = createOfficeMailbox(
      mockOffice({ mailbox: "1.13", restIds: true, shared: { owner: "info@cmsvoc.example", delegatePermissions: 1 } })
        .office,
    );
    const content = await mailbox.readMessage();
    expect(content.kind).toBe("item");
    if (content.kind !== "item") return;
    expect(content.itemId).toBe("v2.0:AAMkAGI2TG93AAA-_ews=");
    expect(content.mailbox).toBe("info@cmsvoc.example"); // a shared mailbox: the server reads it there
    const parts = await content.parts();
    expect(parts.kind).toBe("parts");
    const own = await createOfficeMailbox(mockOffice({ mailbox: "1.13", restIds: true }).office).readMessage();
    expect(own).toMatchObject({ kind: "item", mailbox: null });
  });

  test("Mailbox 1.3 with attachments: the server may still read it; the parts alone would say plainly they cannot", async () => {
    const content = await createOfficeMailbox(mockOffice({ mailbox: "1.3", restIds: true }).office).readMessage();
    expect(content.kind).toBe("item");
    if (content.kind === "item") await expect(content.parts()).rejects.toMatchObject({ code: "UNSUPPORTED" });
  });

  test("Mailbox 1.3 with attachments: says plainly this client cannot hand them over", async () => {
    const mailbox = createOfficeMailbox(mockOffice({ mailbox: "1.3" }).office);
    await expect(mailbox.readMessage()).rejects.toMatchObject({ code: "UNSUPPORTED" });
    expect(await mailbox.tagItem(["Complaint"])).toEqual({ status: "unsupported" });
  });

  test("tags the email, creating the master categories that are missing", async () => {
    const { office, master, onItem } = mockOffice({ masterCategories: ["Complaint"] });
    const result = await createOfficeMailbox(office).tagItem(["Complaint", "CMP-2026-0001"]);
    expect(result).toEqual({ status: "tagged", categories: ["Complaint", "CMP-2026-0001"] });
    expect(master.map((c) => c.displayName)).toEqual(["Complaint", "CMP-2026-0001"]);
    expect(onItem).toEqual(["Complaint", "CMP-2026-0001"]);
  });

  test("when Outlook refuses the category (a delegate), reports not permitted rather than failing", async () => {
    const { office } = mockOffice({ categoriesDenied: true });
    expect(await createOfficeMailbox(office).tagItem(["Complaint", "CMP-2026-0001"])).toEqual({
      status: "not-permitted",
    });
  });

  test("shared mailboxes: read-only delegates are recognised; old clients cannot tell", async () => {
    const shared = createOfficeMailbox(
      mockOffice({ shared: { owner: "info@cmsvoc.example", delegatePermissions: 1 } }).office,
    );
    expect(await shared.ownership()).toEqual({ kind: "shared", owner: "info@cmsvoc.example", mayWrite: false });
    const writer = createOfficeMailbox(
      mockOffice({ shared: { owner: "info@cmsvoc.example", delegatePermissions: 3 } }).office,
    );
    expect(await writer.ownership()).toMatchObject({ kind: "shared", mayWrite: true });
    const own = createOfficeMailbox(mockOffice({ shared: null }).office);
    expect(await own.ownership()).toEqual({ kind: "own" });
    const old = createOfficeMailbox(mockOffice({ mailbox: "1.8" }).office);
    expect(await old.ownership()).toEqual({ kind: "unknown" });
  });
});
