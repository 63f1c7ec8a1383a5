import { z } from "zod";
import * as api from "../../../contracts/api.js";

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
const body = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema: json(schema) } } });
const errors = { default: { $ref: "#/components/responses/Error" } };
const ok = (description: string) => ({ description });
const idParam = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });
const query = (schema: z.ZodObject) => {
  const js = json(schema) as { properties?: Record<string, unknown> };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({ name, in: "query", required: false, schema: s }));
};

/** The governance and public survey routes, described from the same zod schemas that validate them. */
export function governancePaths(): Record<string, Record<string, unknown>> {
  return {
    "/api/meetings": {
      get: {
        summary: "Operations Meetings, newest first, with their agendas.",
        responses: { 200: ok("{ meetings }"), ...errors },
      },
      post: {
        summary: "Record an Operations Meeting (one per date; policy 2.1).",
        requestBody: body(api.ZCreateMeetingRequest),
        responses: { 201: ok("{ meeting }"), ...errors },
      },
    },
    "/api/meetings/pack": {
      get: {
        summary:
          "What the Operations Meeting must discuss: outcomes since the previous meeting, serious, overdue, appeals.",
        parameters: [{ name: "meetingId", in: "query", required: false, schema: { type: "string" } }],
        responses: { 200: ok("{ pack, meeting, people, improvementActions }"), ...errors },
      },
    },
    "/api/meetings/{id}/agenda": {
      post: {
        summary: "Export the meeting's complaints agenda (.docx) to Directors/Complaints/Meetings/<date>/.",
        parameters: [idParam("id")],
        responses: { 201: ok("{ document }"), ...errors },
      },
    },
    "/api/governance-documents/{id}/content": {
      get: {
        summary: "Download an agenda or annual report.",
        parameters: [idParam("id")],
        responses: { 200: ok("The bytes"), ...errors },
      },
    },
    "/api/improvement-actions": {
      get: {
        summary: "Improvement actions (policy aim 6).",
        responses: { 200: ok("{ improvementActions }"), ...errors },
      },
      post: {
        summary: "Add an improvement action with owner and due date, from a case or a meeting.",
        requestBody: body(api.ZCreateImprovementActionRequest),
        responses: { 201: ok("{ improvementAction }"), ...errors },
      },
    },
    "/api/improvement-actions/{id}/complete": {
      post: {
        summary: "Mark an improvement action done.",
        parameters: [idParam("id")],
        requestBody: { ...body(api.ZCompleteImprovementActionRequest), required: false },
        responses: { 200: ok("{ improvementAction }"), ...errors },
      },
    },
    "/api/reports/dashboard": {
      get: {
        summary: "The Reports view's figures for complaints received in the period (aggregates only).",
        parameters: query(api.ZDashboardQuery),
        responses: { 200: ok("{ figures }"), ...errors },
      },
    },
    "/api/reports/dashboard.csv": {
      get: {
        summary: "The same figures as CSV.",
        parameters: query(api.ZDashboardQuery),
        responses: {
          200: { description: "text/csv", content: { "text/csv": { schema: { type: "string" } } } },
          ...errors,
        },
      },
    },
    "/api/reports/annual": {
      post: {
        summary:
          "The annual complaints report (.docx) for the Board, with a self-assessment against the policy's aims.",
        requestBody: { ...body(api.ZAnnualReportRequest), required: false },
        responses: { 201: ok("{ document }"), ...errors },
      },
    },
    "/api/reports/documents": {
      get: { summary: "Annual reports made so far.", responses: { 200: ok("{ documents }"), ...errors } },
    },
    "/api/public/survey/{token}": {
      get: {
        summary: "Public, no sign-in: the satisfaction survey's questions and whether it is answered.",
        security: [],
        parameters: [idParam("token")],
        responses: { 200: ok("{ survey }"), ...errors },
      },
      post: {
        summary: "Public, no sign-in: answer the survey, once per case (409 afterwards). Rate-limited.",
        security: [],
        parameters: [idParam("token")],
        requestBody: body(api.ZSurveyAnswersRequest),
        responses: { 201: ok("{ answered: true }"), ...errors },
      },
    },
  };
}
