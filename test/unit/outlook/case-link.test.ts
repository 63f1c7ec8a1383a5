import { describe, expect, test } from "vitest";
import { caseLink } from "../../../src/web/case-link.js";

describe("caseLink", () => {
  test("in a browser: the tab with ?case=", () => {
    expect(caseLink({ caseId: "c 1" })).toBe("/tab?case=c%201");
    expect(caseLink({ caseId: "abc", origin: "https://redress.example" })).toBe("https://redress.example/tab?case=abc");
  });

  test("inside Teams: a deep link to the complaints tab with the case as subEntityId", () => {
    const link = caseLink({ caseId: "abc", teamsAppId: "00000000-1111-2222-3333-444444444444" });
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe(
      "https://teams.microsoft.com/l/entity/00000000-1111-2222-3333-444444444444/complaints",
    );
    expect(JSON.parse(url.searchParams.get("context") ?? "")).toEqual({ subEntityId: "abc" });
  });
});
