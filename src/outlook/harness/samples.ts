/**
 * Sample emails for the development harness, written for the project (names and addresses invented). They cover
 * the pane's paths: a complaint with an attachment, a reply in the same conversation (Add to case), an employer's
 * complaint, and an ordinary booking that should not read like a complaint.
 */
export interface SampleEmail {
  id: string;
  label: string;
  eml: string;
}

const eml = (lines: string[]): string => `${lines.join("\r\n")}\r\n`;

const NOTES_PDF_BASE64 = btoaLines(
  "Assessment feedback sheet\nLearner: Jane Okoro\nUnit 4: Planning inclusive sessions\nResult: Referred\nAssessor comments: none given.\n",
);

function btoaLines(text: string): string {
  const base64 = btoa(text);
  return (base64.match(/.{1,76}/g) ?? []).join("\r\n");
}

export const SAMPLE_EMAILS: readonly SampleEmail[] = [
  {
    id: "assessment-complaint",
    label: "Learner: unhappy with an assessment decision (with attachment)",
    eml: eml([
      "Received: from mail.example.org by mx.cmsvoc.example; Tue, 24 Nov 2026 10:15:42 +0000",
      'From: "Jane Okoro" <jane.okoro@example.org>',
      "To: info@cmsvoc.example",
      "Subject: Unit 4 assessment - very disappointed",
      "Date: Tue, 24 Nov 2026 10:15:00 +0000",
      "Message-ID: <harness-assessment-1@example.org>",
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Dear CMS,",
      "",
      "I am very disappointed with how my Unit 4 assessment was handled. I was told I would get written feedback",
      "within a week, but three weeks later I have still not received anything, and the result says Referred with no",
      "explanation. I have emailed my assessor several times with no reply. This is unacceptable and I would like it",
      "put right as soon as possible.",
      "",
      "Jane Okoro",
      "",
      "--b1",
      'Content-Type: text/plain; name="feedback-sheet.txt"',
      'Content-Disposition: attachment; filename="feedback-sheet.txt"',
      "Content-Transfer-Encoding: base64",
      "",
      NOTES_PDF_BASE64,
      "--b1--",
    ]),
  },
  {
    id: "assessment-follow-up",
    label: "Learner: follow-up in the same conversation",
    eml: eml([
      "Received: from mail.example.org by mx.cmsvoc.example; Thu, 26 Nov 2026 08:40:10 +0000",
      'From: "Jane Okoro" <jane.okoro@example.org>',
      "To: info@cmsvoc.example",
      "Subject: Re: Unit 4 assessment - very disappointed",
      "Date: Thu, 26 Nov 2026 08:40:00 +0000",
      "Message-ID: <harness-assessment-2@example.org>",
      "In-Reply-To: <harness-assessment-1@example.org>",
      "References: <harness-assessment-1@example.org>",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Hello again, I forgot to say that my employer is also waiting for the result. Please let me know what happens.",
      "Jane",
    ]),
  },
  {
    id: "employer-complaint",
    label: "Employer: trainer did not turn up, invoice still charged",
    eml: eml([
      "Received: from mail.brightlogistics.example by mx.cmsvoc.example; Wed, 25 Nov 2026 17:32:05 +0000",
      'From: "Mark Ellis" <mark.ellis@brightlogistics.example>',
      "To: info@cmsvoc.example",
      "Subject: Forklift refresher on 20 November",
      "Date: Wed, 25 Nov 2026 17:32:00 +0000",
      "Message-ID: <harness-employer-1@brightlogistics.example>",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Hello,",
      "Your trainer failed to turn up for our forklift refresher on 20 November. Eight of our staff were taken off",
      "shift for the day. We have now been invoiced for the full course. I expect a refund and an explanation.",
      "Mark Ellis, Operations Manager, Bright Logistics",
    ]),
  },
  {
    id: "booking-enquiry",
    label: "Employer: ordinary booking enquiry (not a complaint)",
    eml: eml([
      "Received: from mail.riverside.example by mx.cmsvoc.example; Mon, 23 Nov 2026 09:05:00 +0000",
      'From: "Claire Adams" <claire.adams@riverside.example>',
      "To: info@cmsvoc.example",
      "Subject: Places on First Aid at Work in January",
      "Date: Mon, 23 Nov 2026 09:05:00 +0000",
      "Message-ID: <harness-booking-1@riverside.example>",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Hi, could we book two places on the First Aid at Work course on 14 January? Please send the joining",
      "instructions and an invoice to accounts@riverside.example. Many thanks, Claire",
    ]),
  },
];
