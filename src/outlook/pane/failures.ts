/**
 * Every failure the pane can meet, in plain words with what to try. Branches on the stable codes of ApiError
 * (server and client) and MailboxError (Outlook) — never on message text.
 */
import { ApiError } from "../../web/api/client.js";
import { SignInError } from "../../web/auth/sign-in-error.js";
import { MailboxError } from "../mailbox/mailbox-adapter.js";

export interface Failure {
  title: string;
  message: string;
  /** Whether trying again can help (it never logs twice: the server recognises the same email). */
  canRetry: boolean;
}

export function describeFailure(error: unknown): Failure {
  if (error instanceof ApiError) {
    switch (error.code) {
      case "OFFLINE":
        return {
          title: "Redress could not be reached",
          message: "Check your internet connection, then try again. Nothing has been lost.",
          canRetry: true,
        };
      case "UNAUTHENTICATED":
        return {
          title: "You need to sign in again",
          message: "Your sign-in has expired. Try again; if it keeps happening, close and reopen this pane.",
          canRetry: true,
        };
      case "FORBIDDEN":
        return {
          title: "You do not have permission",
          message:
            "Your account is not allowed to do this in Redress. Ask IT to give you the Complaints.Log role, then try again.",
          canRetry: true,
        };
      case "PAYLOAD_TOO_LARGE":
        return {
          title: "This email is too large",
          message:
            "Redress could not accept an email this size. Forward it to info@ without the largest attachments and log that copy, or ask IT for help.",
          canRetry: false,
        };
      case "NOT_AN_EMAIL":
      case "UNSUPPORTED_MEDIA_TYPE":
        return {
          title: "Redress could not read this email",
          message: "Forward the email to yourself and log the forwarded copy, or ask IT for help.",
          canRetry: false,
        };
      case "NOT_FOUND":
        return {
          title: "That case is not available to you",
          message: "It may have been closed or reassigned. Log this email as a new complaint instead if it is one.",
          canRetry: false,
        };
      case "VALIDATION_FAILED":
        return { title: "Redress could not accept this", message: error.userMessage, canRetry: false };
      case "INTERNAL":
      case "BAD_RESPONSE":
        return {
          title: "Redress had a problem",
          message: "Something went wrong on Redress's side. Wait a moment and try again.",
          canRetry: true,
        };
      default:
        return {
          title: "That did not work",
          message: error.status >= 500 ? "Redress had a problem. Try again in a moment." : error.userMessage,
          canRetry: error.status === 0 || error.status >= 500 || error.status === 429,
        };
    }
  }
  if (error instanceof SignInError) {
    // The sign-in dialog was closed, blocked or failed: nothing was sent, so trying again is always safe.
    const title = error.code === "POPUP_BLOCKED" ? "The sign-in window was blocked" : "You are not signed in";
    return { title, message: error.userMessage, canRetry: true };
  }
  if (error instanceof MailboxError) {
    switch (error.code) {
      case "PERMISSION_DENIED":
        return {
          title: "Outlook did not let Redress read this email",
          message:
            "In a shared mailbox you may need full access. Ask the mailbox owner or IT, or forward the email to yourself and log that copy.",
          canRetry: true,
        };
      case "TOO_LARGE":
        return {
          title: "This email is too large",
          message: "Outlook could not hand over an email this size. Forward it without the largest attachments.",
          canRetry: false,
        };
      case "UNSUPPORTED":
      case "NO_ITEM":
        return { title: "This is not possible here", message: error.userMessage, canRetry: false };
      default:
        return { title: "Outlook could not complete that", message: error.userMessage, canRetry: true };
    }
  }
  return {
    title: "That did not work",
    message: "Something unexpected went wrong. Try again; if it keeps happening, tell IT.",
    canRetry: true,
  };
}
