/**
 * Email HTML is written by strangers and shown to staff inside Teams and Outlook: it is sanitised with a strict
 * allowlist before anything stores or renders it. Links may only leave by http(s) or mailto; images may only come
 * from the message itself (cid:) or inline data, so no remote image can track who read a complaint.
 */
import sanitizeHtml from "sanitize-html";

// Elements whose text is never shown, so their content is dropped along with the tag.
const NON_TEXT_TAGS = ["script", "style", "textarea", "option", "noscript", "title", "template", "xmp", "iframe"];
const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
const SAFE_IMAGE = /^(cid:[^\s"'<>]+$|data:image\/(png|jpe?g|gif|webp|bmp);base64,[a-z0-9+/=\s]+$)/i;
const COLOUR = [/^#[0-9a-f]{3,8}$/i, /^rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\)$/i, /^[a-z]{3,20}$/i];
const CELL_ATTRIBUTES = ["colspan", "rowspan", "align", "valign", "width"];

const HTML_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...["a", "abbr", "b", "blockquote", "br", "caption", "center", "code", "col", "colgroup", "dd", "del"],
    ...["div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd"],
    ...["li", "ol", "p", "pre", "q", "s", "small", "span", "strike", "strong", "sub", "sup", "table"],
    ...["tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul"],
  ],
  allowedAttributes: {
    a: ["href", "title", "rel", "target"],
    img: ["src", "alt", "title", "width", "height"],
    td: CELL_ATTRIBUTES,
    th: CELL_ATTRIBUTES,
    table: ["border", "cellpadding", "cellspacing", "width", "align"],
    font: ["color", "face", "size"],
    "*": ["dir", "lang", "align", "style"],
  },
  // Presentation only: nothing here can load a URL, position content over the page or run code.
  allowedStyles: {
    "*": {
      color: COLOUR,
      "background-color": COLOUR,
      "font-weight": [/^(normal|bold|bolder|lighter|[1-9]00)$/i],
      "font-style": [/^(normal|italic|oblique)$/i],
      "font-family": [/^[\w\s,"'-]{1,100}$/],
      "text-decoration": [/^(none|underline|line-through|overline)$/i],
      "text-align": [/^(left|right|center|justify|start|end)$/i],
      "font-size": [
        /^\d{1,3}(\.\d{1,2})?(px|pt|em|rem|%)$/i,
        /^(xx-small|x-small|small|medium|large|x-large|xx-large)$/i,
      ],
    },
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["cid", "data"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // mailparser joins several HTML parts into one string; text after the first </html> must not be lost.
  enforceHtmlBoundary: false,
  nonTextTags: NON_TEXT_TAGS,
  // sanitize-html lets relative URLs through; ours would point at Redress itself, so only absolute ones stay.
  transformTags: {
    a: (tagName, attribs) => {
      const { href, ...rest } = attribs;
      const safe = href !== undefined && SAFE_LINK.test(href.trim());
      return {
        tagName,
        attribs: safe ? { ...rest, href: href.trim(), rel: "noopener noreferrer nofollow", target: "_blank" } : rest,
      };
    },
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return {
        tagName,
        attribs: src !== undefined && SAFE_IMAGE.test(src.trim()) ? { ...rest, src: src.trim() } : rest,
      };
    },
  },
};

/** The message's HTML with only harmless markup left. */
export function sanitiseEmailHtml(html: string): string {
  return sanitizeHtml(html, HTML_OPTIONS).trim();
}

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&" };

/** Plain text from HTML, for messages that have no text part (mailparser does not always derive one). */
export function htmlToPlainText(html: string): string {
  const withBreaks = html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|tr|h[1-6]|table|blockquote|pre)\s*>/gi, "\n");
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {}, nonTextTags: NON_TEXT_TAGS })
    .replace(/&(lt|gt|quot|#39|amp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\u00a0/g, " ");
  return text
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
