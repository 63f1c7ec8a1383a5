/**
 * Draws Redress's icons: a brand-blue disc with a white speech bubble holding an exclamation mark ("someone is not
 * happy"), and the white-on-transparent outline Teams asks for. Run `npx tsx manifest/tools/icons.ts` to rewrite
 * manifest/icons/; the files are committed so packaging needs no drawing.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { encodePng } from "./png.js";

export const ICONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../icons");

/** Sizes: 16/32/80 for the ribbon (unified manifest), 25/48/64/128 for the XML manifest (mobile, IconUrl). */
export const ADDIN_ICON_SIZES = [16, 25, 32, 48, 64, 80, 128] as const;

type Shape = (x: number, y: number) => boolean;

const BRAND: [number, number, number] = [0x0f, 0x6c, 0xbd];

const disc: Shape = (x, y) => (x - 0.5) ** 2 + (y - 0.5) ** 2 <= 0.5 ** 2;
// A speech bubble: a rounded rectangle and a tail at the bottom left.
const bubble: Shape = (x, y) => {
  const inBody = x >= 0.2 && x <= 0.8 && y >= 0.22 && y <= 0.66;
  const corner = (cx: number, cy: number) => (x - cx) ** 2 + (y - cy) ** 2 <= 0.08 ** 2;
  const rounded =
    inBody &&
    !(
      (x < 0.28 && y < 0.3 && !corner(0.28, 0.3)) ||
      (x > 0.72 && y < 0.3 && !corner(0.72, 0.3)) ||
      (x < 0.28 && y > 0.58 && !corner(0.28, 0.58)) ||
      (x > 0.72 && y > 0.58 && !corner(0.72, 0.58))
    );
  const tail = y >= 0.66 && y <= 0.8 && x >= 0.3 && x <= 0.3 + (0.8 - y) * 1.2;
  return rounded || tail;
};
const exclamation: Shape = (x, y) =>
  (x >= 0.46 && x <= 0.54 && y >= 0.29 && y <= 0.52) || (x - 0.5) ** 2 + (y - 0.59) ** 2 <= 0.045 ** 2;

/** 4 × 4 supersampling: smooth edges at 16 px without a rasteriser. */
function draw(size: number, paint: (x: number, y: number) => [number, number, number, number]): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [cr, cg, cb, ca] = paint((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      rgba[i] = a ? Math.round(r / a) : 0;
      rgba[i + 1] = a ? Math.round(g / a) : 0;
      rgba[i + 2] = a ? Math.round(b / a) : 0;
      rgba[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return encodePng(size, size, rgba);
}

const colour = (size: number): Buffer =>
  draw(size, (x, y) => {
    if (!disc(x, y)) return [0, 0, 0, 0];
    if (bubble(x, y) && !exclamation(x, y)) return [255, 255, 255, 1];
    return [...BRAND, 1];
  });

/** Teams' outline icon: white strokes on transparent. */
const outline = (size: number): Buffer =>
  draw(size, (x, y) => (bubble(x, y) && !exclamation(x, y) ? [255, 255, 255, 1] : [0, 0, 0, 0]));

export async function writeIcons(dir = ICONS_DIR): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "color.png"), colour(192));
  await writeFile(path.join(dir, "outline.png"), outline(32));
  for (const size of ADDIN_ICON_SIZES) await writeFile(path.join(dir, `icon-${size}.png`), colour(size));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await writeIcons();
  console.log(`Icons written to ${path.relative(process.cwd(), ICONS_DIR)}/`);
}
