import { Field, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { PERSONA_NAMES } from "../../contracts/personas.js";
import type { TRedressThemeName } from "../../web/theme.js";
import { useSession } from "./session.js";

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalL,
    height: "56px",
    boxSizing: "border-box",
    padding: `0 ${tokens.spacingHorizontalXL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  brand: { fontWeight: tokens.fontWeightSemibold },
  nav: { marginRight: "auto" },
  field: { display: "flex", flexDirection: "row", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export interface HeaderProps {
  /** In a browser the persona and theme are chosen here; inside Teams they come from Teams. */
  standalone: boolean;
  theme: TRedressThemeName;
  onTheme(theme: TRedressThemeName): void;
  /** The tab's sections (Cases, Operations Meeting, Reports), beside the name. */
  children?: ReactNode;
}

/** The top bar: who is signed in; standalone, the persona picker (embedded mode) and the theme. */
export function Header({ standalone, theme, onTheme, children }: HeaderProps) {
  const styles = useStyles();
  const { persona, setPersona, me } = useSession();
  return (
    <header className={styles.header}>
      <Text className={styles.brand}>Redress complaints</Text>
      <nav className={styles.nav}>{children}</nav>
      {standalone ? (
        <>
          <Field label="Signed in as" orientation="horizontal" className={styles.field}>
            <Select value={persona} onChange={(_, d) => setPersona(d.value)}>
              {PERSONA_NAMES.map((p) => (
                <option key={p} value={p}>
                  {p === persona && me ? `${me.name} (${p})` : p}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Theme" orientation="horizontal" className={styles.field}>
            <Select value={theme} onChange={(_, d) => onTheme(d.value as TRedressThemeName)}>
              <option value="default">Light</option>
              <option value="dark">Dark</option>
              <option value="contrast">High contrast</option>
            </Select>
          </Field>
        </>
      ) : (
        <Text>{me ? `Signed in as ${me.name}` : ""}</Text>
      )}
    </header>
  );
}
