/// <reference types="office-js" />
/**
 * The last sign-in resort inside Outlook, when Nested App Authentication and Office SSO both fail (or the client has
 * neither): an Office dialog opens Redress's own sign-in page (/auth-dialog.html, MSAL redirect flow), which sends
 * the access token back with `Office.context.ui.messageParent`. This module never loads MSAL: only the dialog page
 * does, so the pane's first paint is unchanged.
 */
import { SignInError } from "./sign-in-error.js";

export { SignInError } from "./sign-in-error.js";

/** What the dialog page sends to the pane (a JSON string: messageParent takes strings only). */
export type DialogSignInMessage =
  | { type: "redress-sign-in"; status: "ok"; accessToken: string }
  | { type: "redress-sign-in"; status: "error"; reason: string };

/** Office's documented dialog error codes (learn.microsoft.com, "Dialog API in Office Add-ins": errors and events). */
const OFFICE = {
  /** displayDialogAsync: a dialog is already open from this pane. */
  alreadyOpen: 12007,
  /** The person chose to ignore the dialog (Office on the web's "allow pop-up?" prompt). */
  ignored: 12009,
  /** The browser is set to block pop-ups. */
  blocked: 12011,
  /** DialogEventReceived: the dialog was closed (the X). */
  closed: 12006,
} as const;

const CLOSED = () =>
  new SignInError("DIALOG_CLOSED", "The sign-in window was closed before you signed in. Try again to sign in.");

type OfficeUi = Pick<typeof Office, "context" | "EventType">;

/**
 * Opens the sign-in dialog and resolves with the Redress API access token it returns. Rejects with a SignInError in
 * plain words when the window is blocked, already open, closed by the person, or the sign-in fails.
 */
export function officeDialogSignIn(office: OfficeUi, options: { dialogUrl: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    office.context.ui.displayDialogAsync(
      options.dialogUrl,
      // promptBeforeOpen false: the person pressed a button that needs sign-in, so no second "allow?" question.
      { height: 60, width: 30, promptBeforeOpen: false },
      (opened) => {
        if (String(opened.status) !== "succeeded") {
          reject(openFailure(opened.error?.code));
          return;
        }
        const dialog = opened.value;
        let settled = false;
        const finish = (outcome: () => void) => {
          if (settled) return;
          settled = true;
          try {
            dialog.close();
          } catch {
            // already closed by the person
          }
          outcome();
        };
        dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) => {
          const received = arg as { message?: string; origin?: string };
          // Newer clients say where the message came from: only our own page may hand us a token.
          if (received.origin && received.origin !== new URL(options.dialogUrl).origin) return;
          const message = parse(received.message);
          if (message?.status === "ok") finish(() => resolve(message.accessToken));
          else
            finish(() =>
              reject(
                new SignInError(
                  "SIGN_IN_FAILED",
                  "Signing in did not work. Try again; if it keeps happening, ask IT to check your Redress access.",
                ),
              ),
            );
        });
        dialog.addEventHandler(office.EventType.DialogEventReceived, (arg) => {
          const code = (arg as { error?: number }).error;
          finish(() =>
            reject(
              code === OFFICE.closed
                ? CLOSED()
                : new SignInError("DIALOG_FAILED", "The sign-in window could not be shown. Try again in a moment."),
            ),
          );
        });
      },
    );
  });
}

function openFailure(code: number | undefined): SignInError {
  if (code === OFFICE.blocked || code === OFFICE.ignored) {
    return new SignInError(
      "POPUP_BLOCKED",
      "The sign-in window was blocked. Allow pop-ups for Outlook (or choose Allow when asked), then try again.",
    );
  }
  if (code === OFFICE.alreadyOpen) {
    return new SignInError("DIALOG_BUSY", "A sign-in window is already open. Finish signing in there, or close it.");
  }
  return new SignInError("DIALOG_FAILED", "The sign-in window could not be opened. Try again in a moment.");
}

function parse(text: string | undefined): DialogSignInMessage | null {
  try {
    const value = JSON.parse(text ?? "") as Partial<DialogSignInMessage>;
    if (value.type !== "redress-sign-in") return null;
    if (value.status === "ok" && typeof value.accessToken === "string" && value.accessToken) {
      return value as DialogSignInMessage;
    }
    return value.status === "error" ? (value as DialogSignInMessage) : null;
  } catch {
    return null;
  }
}
