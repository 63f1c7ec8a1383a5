/** Cards have one height, so the virtualised columns know where each one is without measuring. */
export const CARD_HEIGHT = 112;
export const CARD_GAP = 8;
