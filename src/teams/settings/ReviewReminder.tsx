import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

// Its own file so the board (AdminBar) does not pull the whole settings page into the tab's first paint.
/** Shown above the board to admins and directors when the policy review is near or past. */
export function ReviewReminder({ message, overdue }: { message: string; overdue: boolean }) {
  return (
    <MessageBar intent={overdue ? "warning" : "info"}>
      <MessageBarBody>
        <MessageBarTitle>Policy review</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
