/**
 * Why an interactive sign-in gave no token. Its own small module: the pane's failure messages branch on it at first
 * paint, while the dialog code that throws it loads only when needed (office-dialog-sign-in.ts).
 */
export type SignInErrorCode = "DIALOG_CLOSED" | "POPUP_BLOCKED" | "DIALOG_BUSY" | "DIALOG_FAILED" | "SIGN_IN_FAILED";

export class SignInError extends Error {
  constructor(
    readonly code: SignInErrorCode,
    /** Plain words for the person; the pane shows them with Try again. */
    readonly userMessage: string,
  ) {
    super(userMessage);
    this.name = "SignInError";
  }
}
