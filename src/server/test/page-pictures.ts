import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

/** A page drawn in shades of grey, one byte a pixel, row by row. */
export interface GreyPicture {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Runs a poppler tool on a PDF held in memory and gives its standard output. */
export function poppler(tool: 'pdftotext' | 'pdffonts', pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'interchange-pdf-'));
  try {
    writeFileSync(join(dir, 'file.pdf'), pdf);
    return execFileSync(tool, tool === 'pdftotext' ? [join(dir, 'file.pdf'), '-'] : [join(dir, 'file.pdf')], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The pages of a PDF as grey PNG files (pdftoppm at `dpi`), in page order. */
export function pagePictures(pdf: Buffer, dpi = 50): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'interchange-pdf-'));
  try {
    writeFileSync(join(dir, 'file.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', join(dir, 'file.pdf'), join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.startsWith('page'))
      .sort()
      .map((f) => readFileSync(join(dir, f)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads an 8-bit grey or RGB, non-interlaced PNG (what pdftoppm writes), as shades of grey. */
export function readGreyPng(png: Buffer): GreyPicture {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 1;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || (body[9] !== 0 && body[9] !== 2) || body[12] !== 0) throw new Error('not an 8-bit grey or RGB, non-interlaced PNG');
      channels = body[9] === 2 ? 3 : 1;
    } else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const bytes = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? bytes[y * stride + x - channels]! : 0;
      const b = y > 0 ? bytes[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? bytes[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const predictor =
        filter === 0 ? 0
        : filter === 1 ? a
        : filter === 2 ? b
        : filter === 3 ? (a + b) >> 1
        : Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a
        : Math.abs(p - b) <= Math.abs(p - c) ? b
        : c;
      bytes[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) {
    let sum = 0;
    for (let k = 0; k < channels; k++) sum += bytes[i * channels + k]!;
    pixels[i] = Math.round(sum / channels);
  }
  return { width, height, pixels };
}

/**
 * How far two pictures of a page differ, robust to antialiasing: each is averaged over blocks of
 * `block`×`block` pixels, and the result is the largest and the mean difference between
 * corresponding blocks, in shades (0–255). A glyph drawn one pixel aside or a shade lighter
 * moves a block's mean by a few shades; a missing name, a box instead of a letter or a line
 * that moved empties or fills whole blocks.
 */
export function pictureDifference(a: GreyPicture, b: GreyPicture, block = 6): { max: number; mean: number } {
  if (a.width !== b.width || a.height !== b.height) return { max: 255, mean: 255 };
  let max = 0;
  let sum = 0;
  let count = 0;
  for (let by = 0; by < a.height; by += block) {
    for (let bx = 0; bx < a.width; bx += block) {
      let da = 0;
      let db = 0;
      let n = 0;
      for (let y = by; y < Math.min(by + block, a.height); y++) {
        for (let x = bx; x < Math.min(bx + block, a.width); x++) {
          da += a.pixels[y * a.width + x]!;
          db += b.pixels[y * a.width + x]!;
          n++;
        }
      }
      const d = Math.abs(da - db) / n;
      max = Math.max(max, d);
      sum += d;
      count++;
    }
  }
  return { max, mean: sum / count };
}
