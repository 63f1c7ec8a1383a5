import type { Letter } from "../domain/letters.js";

/** A letter rendered as a file to keep on the case and send: a .docx in every mode. */
export interface RenderedLetter {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/** Turns a letter's words (domain letters.ts) into a document. */
export interface LetterRenderer {
  render(letter: Letter): Promise<RenderedLetter>;
}
