import {
  FluentProvider,
  makeStaticStyles,
  makeStyles,
  type Theme,
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { ReactNode } from "react";

/** The theme names Teams reports (`app.getContext().app.theme`), so the tab can pass them straight through. */
export type TRedressThemeName = "default" | "dark" | "contrast";

const themes: Record<TRedressThemeName, Theme> = {
  default: webLightTheme,
  dark: webDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** Unknown names (a future host theme) fall back to the light theme rather than failing. */
export function themeFor(name: string | undefined): Theme {
  return name !== undefined && Object.hasOwn(themes, name) ? themes[name as TRedressThemeName] : webLightTheme;
}

// The pages carry no stylesheet of their own (the CSP allows no inline style): reset the body here.
const useGlobalStyles = makeStaticStyles({
  body: { margin: 0 },
});

const useStyles = makeStyles({
  // The provider paints the page background, so it fills the viewport in every theme.
  root: { minHeight: "100vh" },
});

export interface RedressProviderProps {
  /** Defaults to "default" (light). */
  theme?: TRedressThemeName;
  children: ReactNode;
}

/** The root of both front ends: Fluent UI v9 with the theme of the host. */
export function RedressProvider({ theme = "default", children }: RedressProviderProps) {
  useGlobalStyles();
  const styles = useStyles();
  return (
    <FluentProvider theme={themeFor(theme)} className={styles.root}>
      {children}
    </FluentProvider>
  );
}
