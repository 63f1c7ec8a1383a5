/**
 * What each real-world message in shared/reference/eml is, checked by reading the file itself, not by trusting
 * the parser. Attachment content is located in the raw file (between two markers) and decoded independently.
 */

/** Where an attachment's encoded content sits in the raw file: after `after`, up to the next `before`. */
export interface RawSlice {
  after: string;
  before: string;
  encoding: "base64" | "raw";
}

export interface ExpectedAttachment {
  filename: string;
  contentType: string;
  inline: boolean;
  contentId: string | null;
  size: number;
  content: RawSlice | { text: string };
}

export interface ParsesAs {
  outcome: "parses";
  note: string;
  subject: string | null;
  from: string | null;
  messageId: string | null;
  date: string | null;
  topReceivedAt: string | null;
  textIncludes?: string;
  attachments: ExpectedAttachment[];
}

export interface Refused {
  outcome: "not-an-email";
  note: string;
}

const NO_RECEIVED = null;

export const REAL_MESSAGES: Record<string, ParsesAs | Refused> = {
  "mailparser__decoderended.eml": {
    outcome: "parses",
    note: "multipart with an empty message/rfc822 part; 8-bit iso-8859-1 bodies; no Message-ID",
    subject: "Fwd: fotos",
    from: "booewq@uuui.com",
    messageId: null,
    date: "2004-09-09T08:15:52.000Z",
    topReceivedAt: NO_RECEIVED,
    textIncludes: "Note: forwarded message attached.",
    attachments: [
      {
        filename: "attached message.eml",
        contentType: "message/rfc822",
        inline: false,
        contentId: null,
        size: 0,
        content: { text: "" },
      },
    ],
  },
  "mailparser__delivery-status.eml": {
    outcome: "parses",
    note: "Amazon SES bounce: multipart/report, delivery-status read as text, the returned message kept as .eml",
    subject: "Delivery Status Notification (Failure)",
    from: "MAILER-DAEMON@amazonses.com",
    messageId: "<xxxxxxxxxxx@email.amazonses.com>",
    date: "2021-02-16T00:57:06.000Z",
    topReceivedAt: NO_RECEIVED, // its only Received header is inside the returned message
    textIncludes: "Status: 5.1.1",
    attachments: [
      {
        filename: "attached message.eml",
        contentType: "message/rfc822",
        inline: false,
        contentId: null,
        size: 1024,
        content: {
          after: "Content-Description: Undelivered Message\n\n",
          before: "\n------=_Part_3532716_1471051372.1613437026471--",
          encoding: "raw",
        },
      },
    ],
  },
  "mailparser__mixed.eml": {
    outcome: "not-an-email",
    note: "a bare MIME entity: its only header is Content-Type (no From, Date, Message-ID, Subject, Received, MIME-Version)",
  },
  "mailparser__nodemailer.eml": {
    outcome: "parses",
    note: "CRLF; Gmail delivery with DKIM/ARC-style transport headers; related images and a watch-html alternative",
    subject: "Nodemailer is unicode friendly ✔ (1476358788189)",
    from: "andris@kreata.ee",
    messageId: "<012d606e-3550-2d94-b566-6cd996de88e3@kreata.ee>",
    date: "2016-10-13T11:39:48.000Z",
    topReceivedAt: "2016-10-13T11:39:49.000Z",
    textIncludes: "Hello to myself!",
    attachments: [
      {
        filename: "attachment.html",
        contentType: "text/watch-html",
        inline: false,
        contentId: null,
        size: 22,
        content: { text: "<b>Hello</b> to myself" },
      },
      {
        filename: "image.png",
        contentType: "image/png",
        inline: true,
        contentId: "note@example.com",
        size: 126,
        content: {
          after: "filename=image.png\r\nContent-Transfer-Encoding: base64\r\n\r\n",
          before: "------sinikael",
          encoding: "base64",
        },
      },
      {
        filename: "nyan cat ✔.gif",
        contentType: "image/gif",
        inline: true,
        contentId: "nyan@example.com",
        size: 29361,
        content: {
          after: "%E2%9C%94.gif\r\nContent-Transfer-Encoding: base64\r\n\r\n",
          before: "------sinikael",
          encoding: "base64",
        },
      },
      {
        filename: "notes.txt",
        contentType: "text/plain",
        inline: false,
        contentId: null,
        size: 28,
        content: { text: "Some notes about this e-mail" },
      },
    ],
  },
  "mailparser__spam.eml": {
    outcome: "parses",
    note: "HTML only (text derived from it); Content-Type text/html with a stray boundary parameter",
    subject: "123.042 Euro pro Jahr GRARANTIERT von einer Bank! KOSTENLOS",
    from: "noreply@guide-des-vins-de-bourgogne.fr",
    messageId: "<MXQAHQMRSTRWAEMHJAPA@guide-des-vins-de-bourgogne.fr>",
    date: "2015-11-24T00:35:26.000Z",
    topReceivedAt: "2015-11-24T00:45:00.000Z", // folded: "…; Tue,\r\n 24 Nov 2015 01:45:00 +0100"
    textIncludes: "Im Jahre 2007 wurde er",
    attachments: [],
  },
  "php-mime-mail-parser__failure.eml": {
    outcome: "parses",
    note: "truncated: multipart/report whose closing boundaries never come; gb2312 quoted-printable text",
    subject: null,
    from: "foo@bar.de",
    messageId: null,
    date: null,
    topReceivedAt: NO_RECEIVED,
    textIncludes: "次の受信者またはグループへの配信に失敗しました",
    attachments: [],
  },
  "php-mime-mail-parser__issue116.eml": {
    outcome: "parses",
    note: "no From, Date or Message-ID; Subject a Cyrillic encoded word in iso-2022-jp",
    subject: "ЖД№41 от 28.09.2016",
    from: null,
    messageId: null,
    date: null,
    topReceivedAt: NO_RECEIVED,
    textIncludes: "toto",
    attachments: [],
  },
  "php-mime-mail-parser__issue158d.eml": {
    outcome: "parses",
    note: "a forward: the original message attached as message/rfc822, kept whole as its own .eml",
    subject: "Fwd: Test 6",
    from: "dhaswell@zedcore.com",
    messageId: "<1589397930.226415.1505469984035.JavaMail.zimbra@zedcore.com>",
    date: "2017-09-15T10:06:24.000Z",
    topReceivedAt: NO_RECEIVED,
    textIncludes: "This is the forward email",
    attachments: [
      {
        filename: "attached message.eml",
        contentType: "message/rfc822",
        inline: false,
        contentId: null,
        size: 2056,
        content: {
          after: "Content-Disposition: attachment\n\n",
          before: "\n------=_Part_226413_1101864383.1505469984034--",
          encoding: "raw",
        },
      },
    ],
  },
  "php-mime-mail-parser__issue212.eml": {
    outcome: "parses",
    note: "no From or Date; Subject in windows-1250 quoted-printable split over two encoded words",
    subject: "Automatyczna odpowiedź: Piotrze, test z 6 miesięcy nauki ciągle na Ciebie czeka",
    from: null,
    messageId: null,
    date: null,
    topReceivedAt: NO_RECEIVED,
    textIncludes: "toto",
    attachments: [],
  },
  "php-mime-mail-parser__m0001.eml": {
    outcome: "parses",
    note: 'starts with an mbox "From " envelope line; a 2-byte base64 attachment',
    subject: "Mail avec fichier attaché de 1ko",
    from: "name@company.com",
    messageId: "<CAH_ZkVmUSM8t2JxgqcuLCQ8d+R_hkKpNHTubJOQK07y=36+d4Q@mail.gmail.com>",
    date: "2013-06-16T15:50:12.000Z",
    topReceivedAt: "2013-06-16T15:50:14.000Z",
    attachments: [
      {
        filename: "attach01",
        contentType: "application/octet-stream",
        inline: false,
        contentId: null,
        size: 2,
        content: { after: "X-Attachment-Id: f_hi0eudw60\n\n", before: "--047d", encoding: "base64" },
      },
    ],
  },
  "php-mime-mail-parser__m0014.eml": {
    outcome: "parses",
    note: "CRLF; the named text part is disposition inline, so it is body text, not an attachment",
    subject: "Test message from Netscape Communicator 4.7",
    from: "dwsauder@example.com",
    messageId: "<392367BC.3D075C95@example.com>",
    date: "2000-05-18T03:47:08.000Z",
    topReceivedAt: NO_RECEIVED,
    textIncludes: "Die Hasen und die Frösche",
    attachments: [],
  },
  "php-mime-mail-parser__m0016.eml": {
    outcome: "parses",
    note: "two From headers (the first counts); same Message-ID as m0014 with different content",
    subject: "Test message with multiple From headers",
    from: "dwsauder@example.com",
    messageId: "<392367BC.3D075C95@example.com>",
    date: "2000-05-18T03:47:08.000Z",
    topReceivedAt: NO_RECEIVED,
    textIncludes: "Die Hasen und die Frösche",
    attachments: [],
  },
  "php-mime-mail-parser__m0018.eml": {
    outcome: "parses",
    note: "Korean (ks_c_5601-1987) file name; a truncated JPEG and Apple's ATT00001.txt",
    subject: "[Korea] Name",
    from: "name@company.com",
    messageId: "<7B2F0B04-7286-488B-990B-D2EE3759554D@company.com>",
    date: "2014-10-20T07:15:27.000Z",
    topReceivedAt: "2014-10-20T07:21:33.000Z",
    textIncludes: "My traveling companions!",
    attachments: [
      {
        filename: "사진.JPG",
        contentType: "image/jpeg",
        inline: false,
        contentId: "59F871198EEDDE47B81E34849CB0ED6F@company.com",
        size: 174,
        content: {
          after: "<59F871198EEDDE47B81E34849CB0ED6F@company.com>\nContent-Transfer-Encoding: base64\n\n",
          before: "--_003_",
          encoding: "base64",
        },
      },
      {
        filename: "ATT00001.txt",
        contentType: "text/plain",
        inline: false,
        contentId: "57BAB4E7BA79CB40B41CE0993FA444D4@company.com",
        size: 25,
        content: { text: "\r\n\r\n\r\nsent from my iPhone" },
      },
    ],
  },
  "php-mime-mail-parser__m0020.eml": {
    outcome: "parses",
    note: "Exchange meeting request: text, HTML with <style>, and a text/calendar part without a name",
    subject: "1",
    from: "newsletter@finntack.com",
    messageId: "<742f7c086bc34282b8eb4ffc135652ef@MBX01C-ORD1.mex06.mlsrvr.com>",
    date: "2014-03-27T22:28:12.000Z",
    topReceivedAt: "2014-03-27T22:28:14.000Z",
    textIncludes: "1",
    attachments: [
      {
        filename: "invitation.ics",
        contentType: "text/calendar",
        inline: false,
        contentId: null,
        size: 1432,
        content: {
          after: "method=REQUEST\r\nContent-Transfer-Encoding: base64\r\n\r\n",
          before: "--_000_",
          encoding: "base64",
        },
      },
    ],
  },
  "php-mime-mail-parser__m0022.eml": {
    outcome: "parses",
    note: "8-bit UTF-8 preamble before the first boundary; encoded-word display name and subject",
    subject: "[PRJ-OTH] asdf  árvíztűrő tükörfúrógép",
    from: "sender@test.com",
    messageId: "<14FBD481E1074C79A706F0C071746F3D@acerDator>",
    date: "2014-10-20T12:33:24.000Z",
    topReceivedAt: "2014-10-20T12:33:31.000Z",
    textIncludes: "Mailparse is unable to handle poorly formed emails",
    attachments: [],
  },
  "php-mime-mail-parser__m0024.eml": {
    outcome: "parses",
    note: "qmail Received without a weekday; a Word document with an accented encoded-word name",
    subject: "Persil, abeilles ...",
    from: "blablafakeemail@provider.fr",
    messageId: "<1836555613.12616.1405958221099.JavaMail.www@wwinf1h05>",
    date: "2014-07-21T15:57:01.000Z",
    topReceivedAt: "2014-07-21T15:53:19.000Z", // before Date: the sender's clock was ahead
    attachments: [
      {
        filename: "Biodiversité de semaine en semaine.doc",
        contentType: "application/msword",
        inline: false,
        contentId: null,
        size: 27648,
        content: { after: 'semaine.doc?="\n\n', before: "------=_Part_12615", encoding: "base64" },
      },
    ],
  },
  "php-mime-mail-parser__m0129.eml": {
    outcome: "parses",
    note: "multipart/related: HTML only, with an inline PNG referred to by cid",
    subject: "Image",
    from: "someone@eample.com",
    messageId: null,
    date: "2023-01-06T17:36:59.000Z",
    topReceivedAt: NO_RECEIVED,
    textIncludes: "Inline",
    attachments: [
      {
        filename: "image.png",
        contentType: "image/png",
        inline: true,
        contentId: "c024cb5b0c6eaf060a837c53db9af39b5b564d3956b8d4223fbf308b11b4e79e",
        size: 11293,
        content: { after: "Content-Transfer-Encoding: base64\n\n", before: "--rekceb", encoding: "base64" },
      },
    ],
  },
};

/** The decoded bytes an expected attachment should have, found in the raw message independently of mailparser. */
export function expectedBytes(raw: Buffer, content: ExpectedAttachment["content"]): Buffer {
  if ("text" in content) return Buffer.from(content.text, "utf8");
  const start = raw.indexOf(content.after);
  if (start < 0) throw new Error(`marker not found: ${content.after}`);
  const from = start + Buffer.byteLength(content.after);
  const end = raw.indexOf(content.before, from);
  if (end < 0) throw new Error(`marker not found: ${content.before}`);
  const slice = raw.subarray(from, end);
  return content.encoding === "raw" ? Buffer.from(slice) : Buffer.from(slice.toString("latin1"), "base64");
}
