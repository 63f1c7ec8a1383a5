// The Teams tab: the complaints case board. For now a placeholder with the board's empty state; teams-js (behind a
// host adapter), sign-in and the board itself arrive with the Teams work.
import { Body1, makeStyles, Subtitle1, Text, Title1, tokens } from "@fluentui/react-components";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RedressProvider } from "../web/theme.js";

const useStyles = makeStyles({
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
  },
  empty: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    maxWidth: "40rem",
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  // The flex gap spaces the text; browser margins on h1/h2/p would double it.
  text: { margin: 0 },
  next: { margin: 0, color: tokens.colorNeutralForeground2 },
});

function CaseBoard() {
  const styles = useStyles();
  return (
    <main className={styles.main}>
      <Title1 as="h1" className={styles.text}>
        Complaints case board
      </Title1>
      <section className={styles.empty} aria-labelledby="empty-heading">
        <Subtitle1 as="h2" id="empty-heading" className={styles.text}>
          No complaints yet
        </Subtitle1>
        <Body1 as="p" className={styles.text}>
          When someone clicks Log as complaint on an email in Outlook, the case appears here under Received.
        </Body1>
        <Text as="p" className={styles.next}>
          The Operations Director then decides what kind of complaint it is and who handles it.
        </Text>
      </section>
    </main>
  );
}

const container = document.getElementById("root");
if (container === null) throw new Error("The tab page has no #root element.");
createRoot(container).render(
  <StrictMode>
    <RedressProvider>
      <CaseBoard />
    </RedressProvider>
  </StrictMode>,
);
