/**
 * Cases planted for the need-to-know test, each carrying unique canary strings in every place content can live:
 * subject, body, complainant's name and address, a document's name and bytes, triage notes, an agreed action. A
 * canary of a case seen anywhere by someone who may not see that case is a leak.
 */
import { randomBytes } from "node:crypto";
import { api, type Json, makeEml, type Persona, postEml, tokenFor } from "../integration/api-client.js";

export interface PlantedCase {
  key: string;
  id: string;
  reference: string;
  messageId: string;
  eml: Buffer;
  complainantName: string;
  complainantEmail: string;
  documentId: string;
  actionId: string | null;
  /** Who it is tied to now (refreshed after any change a probe makes). */
  loggedBy: Persona;
  handlerId: string | null;
  boardMemberId: string | null;
  /** Strings only this case contains: none may reach anyone who may not see its content. */
  canaries: string[];
}

const DAY = 86_400_000;
const daysAgo = (days: number): string => new Date(Date.now() - days * DAY).toISOString();
const tag = (): string => randomBytes(5).toString("hex");

interface Plan {
  key: string;
  loggedBy: Persona;
  handler?: Persona;
  /** Stages reached after triage: acknowledged, outcome sent, appeal to this board member. */
  acknowledged?: boolean;
  appealTo?: Persona;
}

/** The relations the matrix needs: received and unassigned; assigned to each handler; an appeal for each board member. */
export const PLANS: readonly Plan[] = [
  { key: "received", loggedBy: "staff" },
  { key: "for-handler", loggedBy: "staff-2", handler: "handler", acknowledged: true },
  { key: "for-handler-2", loggedBy: "staff", handler: "handler-2" },
  { key: "logged-by-handler-2", loggedBy: "handler-2", handler: "handler" },
  { key: "appeal-board", loggedBy: "staff", handler: "handler", acknowledged: true, appealTo: "board-member" },
  { key: "appeal-board-2", loggedBy: "staff-2", handler: "handler-2", acknowledged: true, appealTo: "board-member-2" },
];

async function ok(res: Promise<{ status: number; body: Json }>, what: string): Promise<Json> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function plantCase(baseUrl: string, plan: Plan): Promise<PlantedCase> {
  const t = tag();
  const c = {
    subject: `CanarySubject${t}`,
    body: `CanaryBody${t} my tutor lost my coursework.`,
    name: `Canaryname${t} Learner`,
    email: `canary${t}@example.org`,
    file: `canary-file-${t}.txt`,
    fileBytes: `CanaryFileContent${t}`,
    nature: `CanaryNature${t}`,
    action: `CanaryAction${t}`,
  };
  const messageId = `<canary-${t}@example.org>`;
  const eml = makeEml({ messageId, subject: c.subject, from: `${c.name} <${c.email}>`, body: c.body });
  const created = await ok(postEml(baseUrl, plan.loggedBy, eml, { receivedAt: daysAgo(20) }), "intake");
  const id: string = created.case.id;
  const post = (persona: Persona, action: string, body: unknown) =>
    ok(api(baseUrl, persona, "POST", `/api/cases/${id}/${action}`, body), `${plan.key} ${action}`);
  const doc = await ok(
    api(baseUrl, "ops-director", "POST", `/api/cases/${id}/documents?name=${c.file}&kind=evidence`, c.fileBytes, {
      contentType: "text/plain",
    }),
    "document",
  );
  let actionId: string | null = null;
  if (plan.handler) {
    await post("ops-director", "triage", {
      category: "Teaching",
      nature: c.nature,
      serious: false,
      handlerId: plan.handler,
      interestConfirmed: true,
    });
    const withAction = await post("ops-director", "actions", { description: c.action, dueDate: "2030-01-31" });
    actionId = withAction.case.actions?.[0]?.id ?? null;
    if (plan.acknowledged) await post(plan.handler, "acknowledge", { method: "email", sentAt: daysAgo(19) });
    if (plan.appealTo) {
      await post(plan.handler, "outcome", {
        result: "not-upheld",
        reasons: "Marking was on time.",
        method: "email",
        sentAt: daysAgo(1),
        rootCause: "no-fault-found",
        lessonsLearned: "None needed.",
      });
      await post("ops-director", "appeal", { grounds: "I disagree.", boardMemberId: plan.appealTo });
    }
  }
  return {
    key: plan.key,
    id,
    reference: created.case.reference,
    messageId,
    eml,
    complainantName: c.name,
    complainantEmail: c.email,
    documentId: doc.document.id,
    actionId,
    loggedBy: plan.loggedBy,
    handlerId: plan.handler ?? null,
    boardMemberId: plan.appealTo ?? null,
    canaries: Object.values(c)
      .filter((v) => v !== c.name)
      .concat([c.name.split(" ")[0] ?? c.name, t]),
  };
}

/** Re-reads who the case is tied to, after a probe may have changed it (triage, appeal). */
export async function refreshRelations(baseUrl: string, c: PlantedCase): Promise<void> {
  await tokenFor(baseUrl, "director");
  const res = await api(baseUrl, "director", "GET", `/api/cases/${c.id}`);
  if (res.status !== 200) throw new Error(`refresh ${c.key}: ${res.status}`);
  c.handlerId = res.body.case.triage?.handlerId ?? null;
  c.boardMemberId = res.body.case.appeal?.boardMemberId ?? null;
}
