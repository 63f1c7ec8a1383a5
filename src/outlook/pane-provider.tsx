import { FluentProvider, makeStaticStyles, makeStyles, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";

// The pane is always light, so it does not use RedressProvider (src/web/theme.tsx): that one imports the dark and
// high-contrast themes for the Teams tab, and building those theme objects at load held up the pane's first paint.
const useGlobalStyles = makeStaticStyles({
  body: { margin: 0 },
});

const useStyles = makeStyles({
  root: { minHeight: "100vh" },
});

/** The task pane's root: Fluent UI v9 with the light web theme. */
export function PaneProvider({ children }: { children: ReactNode }) {
  useGlobalStyles();
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      {children}
    </FluentProvider>
  );
}
