/**
 * What the Teams tab needs beyond the case routes: the board's cards, people for the pickers, the procedure's
 * lists, the complaint email as sanitised HTML, and a letter's preview before it is sent.
 */
import type { FastifyInstance } from "fastify";
import { ZCaseBoardQuery, ZLetterPreviewRequest, ZPeopleQuery } from "../../../contracts/api.js";
import type {
  CaseBoardResponse,
  CaseEmailView,
  LetterPreviewView,
  PersonView,
  ProcedureSettingsView,
} from "../../../contracts/views.js";
import { listCaseCards } from "../../app/list-case-cards.js";
import { previewLetter } from "../../app/preview-letter.js";
import { readCaseEmail } from "../../app/read-case-email.js";
import { DEFAULT_CATEGORIES } from "../../domain/categories.js";
import type { Role } from "../../domain/roles.js";
import { authenticate } from "../auth.js";
import type { HttpContext } from "../context.js";
import { peopleNamed } from "../people.js";
import { presentCard, workingDaysLeftMemo } from "../presenters.js";
import { jsonBody, validate } from "../validate.js";
import { caseFilterFrom } from "./cases.js";

const PICKER_ROLES: Record<"handler" | "director" | "board-member" | "triage", Role> = {
  handler: "Complaints.Handle",
  director: "Complaints.Direct",
  "board-member": "Complaints.Board",
  triage: "Complaints.Triage",
};

export function registerTabSupportRoutes(app: FastifyInstance, ctx: HttpContext): void {
  /** GET /api/cases/board — every card the caller may see (with the list's filters), for the board and list view. */
  app.get("/api/cases/board", async (request): Promise<CaseBoardResponse> => {
    const actor = await authenticate(request, ctx.verifier);
    const query = validate(ZCaseBoardQuery, request.query);
    const listing = await listCaseCards({
      deps: ctx.deps,
      actor,
      filter: caseFilterFrom(query),
    });
    const daysLeft = workingDaysLeftMemo(listing.today);
    const cards = listing.cards.map((v) => presentCard(v.view, v.card, listing.today, daysLeft));
    const ids = cards.flatMap((c) => [c.handlerId, c.boardMemberId]).filter((id): id is string => id !== null);
    return { cards, people: await peopleNamed(ctx.deps.directory, ids), truncated: listing.truncated };
  });

  /** GET /api/me — who is signed in and in which roles, so a front end offers only what they may do. */
  app.get("/api/me", async (request): Promise<{ me: { id: string; name: string; roles: string[] } }> => {
    const actor = await authenticate(request, ctx.verifier);
    return { me: { id: actor.id, name: actor.name, roles: [...actor.roles] } };
  });

  /** GET /api/people?role=handler — colleagues for the pickers (names only), for anyone signed in. */
  app.get("/api/people", async (request): Promise<{ people: PersonView[] }> => {
    await authenticate(request, ctx.verifier);
    const query = validate(ZPeopleQuery, request.query);
    const users = query.role
      ? await ctx.deps.directory.usersWithRole(PICKER_ROLES[query.role])
      : (await Promise.all(Object.values(PICKER_ROLES).map((role) => ctx.deps.directory.usersWithRole(role)))).flat();
    const unique = new Map(users.map((u) => [u.id, { id: u.id, name: u.name }]));
    return { people: [...unique.values()].sort((a, b) => a.name.localeCompare(b.name, "en-GB")) };
  });

  /** GET /api/settings/procedure — categories, awarding organisations and the timescales now in force. */
  app.get("/api/settings/procedure", async (request): Promise<ProcedureSettingsView> => {
    await authenticate(request, ctx.verifier);
    const policy = await ctx.deps.policy.current();
    return {
      categories: [...(policy.categories ?? DEFAULT_CATEGORIES)],
      awardingOrganisations: policy.awardingOrganisations.map((ao) => ({ ...ao })),
      responseWorkingDays: policy.responseWorkingDays,
      acknowledgeWorkingDays: policy.acknowledgeWorkingDays,
      appealWindowWorkingDays: policy.appealWindowWorkingDays,
    };
  });

  /** GET /api/cases/:id/email — the complaint email, sanitised; `{ email: null }` for a complaint by post. */
  app.get<{ Params: { id: string } }>(
    "/api/cases/:id/email",
    async (request, reply): Promise<{ email: CaseEmailView | null }> => {
      const actor = await authenticate(request, ctx.verifier);
      const email = await readCaseEmail({ deps: ctx.deps, actor, caseId: request.params.id });
      reply.header("cache-control", "private, no-store");
      return { email };
    },
  );

  /** POST /api/cases/:id/letters/preview — the letter the step would send, saving nothing. */
  app.post<{ Params: { id: string } }>(
    "/api/cases/:id/letters/preview",
    async (request): Promise<{ letter: LetterPreviewView }> => {
      const actor = await authenticate(request, ctx.verifier);
      const input = jsonBody(request, ZLetterPreviewRequest);
      const letter = await previewLetter({ deps: ctx.deps, actor, caseId: request.params.id, input });
      return { letter: { fileName: `${letter.baseName}.docx`, text: letter.text } };
    },
  );
}
