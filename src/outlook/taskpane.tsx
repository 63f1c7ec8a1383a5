// The Outlook task pane ("Log as complaint"). For now a placeholder that says what the pane is for; Office.js and
// the mailbox adapter arrive with the Outlook work.
import { Body1, makeStyles, Text, Title2, tokens } from "@fluentui/react-components";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RedressProvider } from "../web/theme.js";

const useStyles = makeStyles({
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    maxWidth: "32rem",
  },
  // The flex gap spaces the text; browser margins on h1/h2/p would double it.
  text: { margin: 0 },
  next: { margin: 0, color: tokens.colorNeutralForeground2 },
});

function TaskPane() {
  const styles = useStyles();
  return (
    <main className={styles.main}>
      <Title2 as="h1" className={styles.text}>
        Log as complaint
      </Title2>
      <Body1 as="p" className={styles.text}>
        Open an email in Outlook to log it as a complaint.
      </Body1>
      <Text as="p" className={styles.next}>
        When an email is open, this pane shows who sent it and a Log as complaint button. You get the complaint
        reference straight away, and the Operations Director decides who handles it.
      </Text>
    </main>
  );
}

const container = document.getElementById("root");
if (container === null) throw new Error("The task pane page has no #root element.");
createRoot(container).render(
  <StrictMode>
    <RedressProvider>
      <TaskPane />
    </RedressProvider>
  </StrictMode>,
);
