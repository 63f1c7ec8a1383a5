// The board's first paint (board-preview.ts) carries a copy of the Fluent UI theme values it uses, so it needs none of
// Fluent's code; each must be the value RedressProvider's theme gives React's board, or the board changes colour
// when React takes over. A Fluent upgrade that changes one fails here.
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { describe, expect, it } from "vitest";
import { PREVIEW_PALETTES, PREVIEW_TOKEN_NAMES } from "../../../src/teams/board/board-preview-palette.js";

const THEMES = { default: webLightTheme, dark: webDarkTheme, contrast: teamsHighContrastTheme } as const;

describe("the board's first paint: theme values", () => {
  for (const [name, theme] of Object.entries(THEMES)) {
    it(`matches Fluent's ${name} theme token for token`, () => {
      const palette = PREVIEW_PALETTES[name as keyof typeof THEMES];
      for (const token of PREVIEW_TOKEN_NAMES) expect(palette[token], token).toBe(theme[token]);
      expect(Object.keys(palette).sort()).toEqual([...PREVIEW_TOKEN_NAMES].sort());
    });
  }
});
