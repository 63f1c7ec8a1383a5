import { Body1, makeStyles, Title1, tokens } from "@fluentui/react-components";
import { useEffect } from "react";
import type { TabHost } from "../host/host.js";

const useStyles = makeStyles({
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXXL,
    maxWidth: "40rem",
  },
  text: { margin: 0 },
});

/** `/tab/config`: Teams shows this when the board is added to a channel; Save adds the case board as the tab. */
export function ConfigPage({ host }: { host: TabHost }) {
  const styles = useStyles();
  useEffect(() => {
    host.registerConfigSave({
      contentUrl: `${window.location.origin}/tab`,
      entityId: "complaints",
      suggestedDisplayName: "Complaints",
    });
  }, [host]);
  return (
    <main className={styles.main}>
      <Title1 as="h1" className={styles.text}>
        Add the complaints case board
      </Title1>
      <Body1 as="p" className={styles.text}>
        This channel gets a Complaints tab showing the case board. Each person sees only the cases they need to know
        about: directors and the Operations Director see every case, handlers and board members the cases assigned to
        them.
      </Body1>
      <Body1 as="p" className={styles.text}>
        {host.kind === "teams"
          ? "Select Save to add the tab."
          : "Teams shows this page when the tab is added to a channel; opened in a browser there is nothing to save."}
      </Body1>
    </main>
  );
}
