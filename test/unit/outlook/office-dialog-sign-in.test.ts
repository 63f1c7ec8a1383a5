/// <reference types="office-js" />
/**
 * The last sign-in resort in Outlook: an Office dialog with Redress's own sign-in page, its token handed back with
 * messageParent. Against office-addin-mock (host "outlook"): the token arrives; the person closing the window, a
 * blocked pop-up and a failed sign-in each give plain words the pane shows with Try again — and the whole chain
 * (NAA → Office SSO → dialog) reaches the dialog only when the first two fail.
 */
import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, test } from "vitest";
import { describeFailure } from "../../../src/outlook/pane/failures.js";
import { Microsoft365AccountManager } from "../../../src/web/auth/microsoft365-account-manager.js";
import { officeDialogSignIn, SignInError } from "../../../src/web/auth/office-dialog-sign-in.js";

const DIALOG_URL = "https://redress.example.org/auth-dialog.html";
const EVENTS = { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" };

/** What the dialog does once open: send a message, or raise an event (12006: closed by the person). */
type Script = { message: string; origin?: string } | { event: number } | { openError: number };

function mockOffice(script: Script) {
  const opened: Array<{ url: string; options: Record<string, unknown> }> = [];
  let closed = 0;
  const office = new OfficeMockObject(
    {
      context: {
        ui: {
          displayDialogAsync: (url: string, options: Record<string, unknown>, cb: (r: unknown) => void) => {
            opened.push({ url, options });
            if ("openError" in script) {
              cb({ status: "failed", error: { code: script.openError, name: "Error", message: "" } });
              return;
            }
            const handlers = new Map<string, (arg: unknown) => void>();
            cb({
              status: "succeeded",
              value: {
                addEventHandler: (type: string, handler: (arg: unknown) => void) => handlers.set(type, handler),
                close: () => {
                  closed += 1;
                },
              },
            });
            // The dialog answers later, as a real sign-in page does after its redirect.
            setTimeout(() => {
              if ("event" in script) handlers.get(EVENTS.DialogEventReceived)?.({ error: script.event });
              else handlers.get(EVENTS.DialogMessageReceived)?.({ message: script.message, origin: script.origin });
            }, 5);
          },
        },
      },
      EventType: EVENTS,
    },
    "outlook" as never,
  ) as unknown as typeof Office;
  return { office, opened, closed: () => closed };
}

const ok = (token: string) => JSON.stringify({ type: "redress-sign-in", status: "ok", accessToken: token });

describe("sign-in through an Office dialog", () => {
  test("opens Redress's sign-in page and resolves with the token it sends back; the dialog is closed", async () => {
    const { office, opened, closed } = mockOffice({ message: ok("api-token"), origin: "https://redress.example.org" });
    expect(await officeDialogSignIn(office, { dialogUrl: DIALOG_URL })).toBe("api-token");
    expect(opened).toEqual([{ url: DIALOG_URL, options: { height: 60, width: 30, promptBeforeOpen: false } }]);
    expect(closed()).toBe(1);
  });

  test("the person closes the window: plain words, and Try again", async () => {
    const { office } = mockOffice({ event: 12006 });
    const error = (await officeDialogSignIn(office, { dialogUrl: DIALOG_URL }).catch((e: unknown) => e)) as SignInError;
    expect(error).toBeInstanceOf(SignInError);
    expect(error.code).toBe("DIALOG_CLOSED");
    expect(describeFailure(error)).toEqual({
      title: "You are not signed in",
      message: "The sign-in window was closed before you signed in. Try again to sign in.",
      canRetry: true,
    });
  });

  test.each([12011, 12009])("a blocked pop-up (%i) says how to allow it", async (code) => {
    const { office } = mockOffice({ openError: code });
    const error = (await officeDialogSignIn(office, { dialogUrl: DIALOG_URL }).catch((e: unknown) => e)) as SignInError;
    expect(error.code).toBe("POPUP_BLOCKED");
    const failure = describeFailure(error);
    expect(failure.title).toBe("The sign-in window was blocked");
    expect(failure.message).toContain("Allow pop-ups");
  });

  test("a dialog already open, a failed sign-in, or a message from another origin never yield a token", async () => {
    const busy = await officeDialogSignIn(mockOffice({ openError: 12007 }).office, { dialogUrl: DIALOG_URL }).catch(
      (e: SignInError) => e.code,
    );
    expect(busy).toBe("DIALOG_BUSY");
    const failed = await officeDialogSignIn(
      mockOffice({ message: JSON.stringify({ type: "redress-sign-in", status: "error", reason: "x" }) }).office,
      { dialogUrl: DIALOG_URL },
    ).catch((e: SignInError) => e.code);
    expect(failed).toBe("SIGN_IN_FAILED");
    // A message from another origin is ignored: the promise stays open rather than taking a stranger's token.
    const foreign = officeDialogSignIn(mockOffice({ message: ok("stolen"), origin: "https://evil.example" }).office, {
      dialogUrl: DIALOG_URL,
    });
    const raced = await Promise.race([foreign, new Promise((r) => setTimeout(() => r("still waiting"), 50))]);
    expect(raced).toBe("still waiting");
  });

  test("in the account manager the dialog is the last resort: after NAA and Office SSO fail, and once for parallel calls", async () => {
    const { office, opened } = mockOffice({ message: ok("h.eyJleHAiOjQxMDI0NDQ4MDB9.s") });
    const manager = new Microsoft365AccountManager({
      clientId: "c",
      tenantId: "t",
      apiScope: "api://redress.example.org/c/access_as_user",
      naaSupported: () => false,
      hostSso: async () => {
        throw new Error("13012: SSO not supported in this client");
      },
      interactive: () => officeDialogSignIn(office, { dialogUrl: DIALOG_URL }),
    });
    const tokens = await Promise.all([manager.getAccessToken(), manager.getAccessToken()]);
    expect(tokens).toEqual(["h.eyJleHAiOjQxMDI0NDQ4MDB9.s", "h.eyJleHAiOjQxMDI0NDQ4MDB9.s"]);
    expect(opened).toHaveLength(1);
  });
});
