/**
 * The task pane's behaviour, apart from how it looks: read the item, check whether it is logged, log it or add it
 * to a case with visible progress, tag it in Outlook, and retry safely. The prepared message is kept between
 * retries so a retry sends the very same bytes (the server recognises them: it never logs twice).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { CaseView } from "../../contracts/views.js";
import type { ApiClient } from "../../web/api/client.js";
import type { ComplaintReading } from "../../web/complaint-signals/classify.js";
import type {
  MailboxAdapter,
  MailboxOwnership,
  MailItemSummary,
  MessageContent,
  TagResult,
} from "../mailbox/mailbox-adapter.js";
import { describeFailure, type Failure } from "./failures.js";
import { type LookupResult, lookupItem } from "./pane-api.js";
import type { SendResult } from "./pane-send.js";

export type ItemState =
  | { status: "reading" }
  | { status: "none" }
  | { status: "ready"; item: MailItemSummary }
  | { status: "failed"; failure: Failure };

export type LookupState =
  | { status: "checking" }
  | { status: "done"; result: LookupResult }
  | { status: "failed"; failure: Failure };

export type ActionStep = "reading" | "sending" | "tagging";

export type ActionState =
  | { status: "idle" }
  | { status: "working"; kind: "log" | "add"; step: ActionStep }
  | { status: "done"; kind: "log" | "add"; case: CaseView; isNew: boolean; tag: TagResult | null }
  | { status: "failed"; kind: "log" | "add"; failure: Failure };

export interface Hint {
  reading: ComplaintReading;
  suggestedCategory: string;
}

export interface TaskPaneModel {
  item: ItemState;
  lookup: LookupState;
  action: ActionState;
  hint: Hint | null;
  ownership: MailboxOwnership | null;
  logComplaint(options: { note: string; category: string }): void;
  addToCase(caseId: string): void;
  retry(): void;
  recheck(): void;
}

/** Resolves once the browser has painted the current state (the frame after the next one has begun). */
export const afterPaint = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** The category "Complaint" plus the reference: how staff find logged emails in Outlook. */
export const complaintCategories = (reference: string): string[] => ["Complaint", reference];

/** The item state the first render can show: what the mailbox has at hand, or null when it must be read. */
function itemStateAtHand(mailbox: MailboxAdapter): ItemState | null {
  try {
    const summary = mailbox.itemAtHand?.();
    if (summary === undefined) return null;
    return summary ? { status: "ready", item: summary } : { status: "none" };
  } catch {
    // Read it the ordinary way, which reports the failure.
    return null;
  }
}

export function useTaskPane(mailbox: MailboxAdapter, api: ApiClient): TaskPaneModel {
  // The email's summary paints in the very first render when the mailbox has it at hand: no spinner, no second pass.
  const atHand = useRef<ItemState | null | undefined>(undefined);
  if (atHand.current === undefined) atHand.current = itemStateAtHand(mailbox);
  const [item, setItem] = useState<ItemState>(() => atHand.current ?? { status: "reading" });
  const [lookup, setLookup] = useState<LookupState>({ status: "checking" });
  const [action, setAction] = useState<ActionState>({ status: "idle" });
  const [hint, setHint] = useState<Hint | null>(null);
  const [ownership, setOwnership] = useState<MailboxOwnership | null>(null);
  const [generation, setGeneration] = useState(0);
  const prepared = useRef<MessageContent | null>(null);
  const lastAttempt = useRef<(() => Promise<void>) | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` re-reads the item when Outlook moves on
  useEffect(() => {
    let live = true;
    // The first run keeps the item the first render showed (setting the same state again would only render again).
    const held = atHand.current;
    atHand.current = null;
    if (!held) {
      prepared.current = null;
      setAction({ status: "idle" });
      setItem({ status: "reading" });
      setLookup({ status: "checking" });
      setHint(null);
    }
    (async () => {
      let summary: MailItemSummary | null;
      if (held) {
        summary = held.status === "ready" ? held.item : null;
      } else {
        try {
          summary = await mailbox.readItem();
        } catch (error) {
          if (live) setItem({ status: "failed", failure: describeFailure(error) });
          return;
        }
        if (!live) return;
        setItem(summary ? { status: "ready", item: summary } : { status: "none" });
      }
      if (!summary) return;
      const current = summary;
      // Everything else fills in once the summary has painted: the sign-in, the server's lookup and the hint's
      // chunk are not needed to see the email, and starting them earlier only holds up that paint.
      await afterPaint();
      if (!live) return;
      void mailbox.ownership().then(
        (o) => live && setOwnership(o),
        () => live && setOwnership({ kind: "unknown" }),
      );
      // The hint is read locally, never sent anywhere by itself.
      void Promise.all([mailbox.readBodyText(), import("../../web/complaint-signals/index.js")]).then(
        ([text, signals]) => {
          if (!live) return;
          const full = `${current.subject}\n${text}`;
          setHint({ reading: signals.readComplaintSignals(full), suggestedCategory: signals.suggestCategory(full) });
        },
        () => {},
      );
      try {
        const result = await lookupItem(api, current);
        if (live) setLookup({ status: "done", result });
      } catch (error) {
        if (live) setLookup({ status: "failed", failure: describeFailure(error) });
      }
    })();
    return () => {
      live = false;
    };
  }, [mailbox, api, generation]);

  useEffect(() => mailbox.onItemChanged(() => setGeneration((g) => g + 1)), [mailbox]);

  const run = useCallback(
    (kind: "log" | "add", send: (content: MessageContent, summary: MailItemSummary) => Promise<SendResult>) => {
      if (item.status !== "ready") return;
      const summary = item.item;
      const attempt = async () => {
        try {
          setAction({ status: "working", kind, step: "reading" });
          prepared.current ??= await mailbox.readMessage();
          setAction({ status: "working", kind, step: "sending" });
          const result = await send(prepared.current, summary);
          setAction({ status: "working", kind, step: "tagging" });
          const tag = await mailbox
            .tagItem(complaintCategories(result.case.reference))
            .catch((): TagResult => ({ status: "not-permitted" }));
          setAction({ status: "done", kind, case: result.case, isNew: result.isNew, tag });
        } catch (error) {
          setAction({ status: "failed", kind, failure: describeFailure(error) });
        }
      };
      lastAttempt.current = attempt;
      void attempt();
    },
    [item, mailbox],
  );

  return {
    item,
    lookup,
    action,
    hint,
    ownership,
    logComplaint: ({ note, category }) =>
      run("log", async (content, summary) =>
        (await import("./pane-send.js")).logEmail(api, { item: summary, content, note, suggestedCategory: category }),
      ),
    addToCase: (caseId) =>
      run("add", async (content, summary) =>
        (await import("./pane-send.js")).addEmailToCase(api, { caseId, item: summary, content }),
      ),
    retry: () => void lastAttempt.current?.(),
    recheck: () => setGeneration((g) => g + 1),
  };
}
