import zlib from 'node:zlib';
import { LOGO_MAX_PIXELS, LOGO_MAX_SIDE, logoTypeOf, type LogoMimeType } from '../../../shared/api/activation-settings';
import type { FieldError } from '../../../shared/errors';

/** What a checked logo file is: its format and size in pixels, read from its own header. */
export interface LogoImageInfo {
  mimeType: LogoMimeType;
  width: number;
  height: number;
}

type Checked = LogoImageInfo | { error: FieldError };

const unsupported: Checked = { error: { code: 'unsupported_image' } };

function sized(mimeType: LogoMimeType, width: number, height: number): Checked {
  if (width < 1 || height < 1) return unsupported;
  if (width > LOGO_MAX_SIDE || height > LOGO_MAX_SIDE) return { error: { code: 'image_too_large', max: LOGO_MAX_SIDE } };
  if (width * height > LOGO_MAX_PIXELS) return { error: { code: 'image_too_many_pixels', max: LOGO_MAX_PIXELS / 1_000_000 } };
  return { mimeType, width, height };
}

/** Samples per pixel by PNG colour type, with the bit depths each allows. */
const PNG_COLOUR: Record<number, { channels: number; depths: readonly number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

/** Adam7 passes as [x start, y start, x step, y step]; a plain PNG is one pass over everything. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** Bytes per scanline (without the filter byte) and scanline count, pass by pass. */
function scanlines(width: number, height: number, bitsPerPixel: number, interlaced: boolean): { rowBytes: number; rows: number }[] {
  const passes = interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
  return passes
    .map(([x0, y0, dx, dy]) => ({ columns: Math.ceil(Math.max(0, width - x0) / dx), rows: Math.ceil(Math.max(0, height - y0) / dy) }))
    .filter((p) => p.columns > 0 && p.rows > 0)
    .map((p) => ({ rowBytes: Math.ceil((p.columns * bitsPerPixel) / 8), rows: p.rows }));
}

/**
 * A PNG checked down to its pixels. pdfkit inflates some PNGs (with alpha, interlaced) in a
 * callback where a damaged stream throws uncaught and takes the process down, so a logo is
 * only accepted when its chunks, checksums, image data length and row filters are all sound.
 */
function checkPng(bytes: Buffer): Checked {
  let pos = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlaced: boolean } | null = null;
  let palette = false;
  let ended = false;
  const data: Buffer[] = [];
  while (!ended && pos + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(pos);
    const type = bytes.toString('latin1', pos + 4, pos + 8);
    if (length > bytes.length - pos - 12) return unsupported;
    const body = bytes.subarray(pos + 8, pos + 8 + length);
    if (zlib.crc32(body, zlib.crc32(bytes.subarray(pos + 4, pos + 8))) !== bytes.readUInt32BE(pos + 8 + length)) return unsupported;
    if (header === null && type !== 'IHDR') return unsupported;
    if (type === 'IHDR') {
      if (header !== null || length !== 13) return unsupported;
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8] ?? 0, colour: body[9] ?? 0, interlaced: body[12] === 1 };
      if (!PNG_COLOUR[header.colour]?.depths.includes(header.depth) || body[10] !== 0 || body[11] !== 0 || (body[12] ?? 2) > 1) return unsupported;
      const size = sized('image/png', header.width, header.height);
      if ('error' in size) return size;
    } else if (type === 'PLTE') palette = true;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') ended = true;
    pos += 12 + length;
  }
  if (!header || !ended || data.length === 0 || (header.colour === 3 && !palette)) return unsupported;
  const colour = PNG_COLOUR[header.colour];
  if (!colour) return unsupported;
  const lines = scanlines(header.width, header.height, colour.channels * header.depth, header.interlaced);
  const expected = lines.reduce((n, p) => n + p.rows * (1 + p.rowBytes), 0);
  let pixels: Buffer;
  try {
    // A little slack for encoders that pad; far more than the image needs is a decompression bomb.
    pixels = zlib.inflateSync(Buffer.concat(data), { maxOutputLength: expected + 1024 });
  } catch {
    return unsupported;
  }
  if (pixels.length < expected) return unsupported;
  let at = 0;
  for (const pass of lines) {
    for (let row = 0; row < pass.rows; row++) {
      if ((pixels[at] ?? 5) > 4) return unsupported;
      at += 1 + pass.rowBytes;
    }
  }
  return { mimeType: 'image/png', width: header.width, height: header.height };
}

/** Start-of-frame markers PDF readers decode: baseline, extended sequential and progressive Huffman. */
const JPEG_FRAMES = new Set([0xc0, 0xc1, 0xc2]);
/** Every other start-of-frame marker (lossless, arithmetic, hierarchical): refused. */
const OTHER_FRAMES = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** The entropy-coded data after a scan header: where its next marker starts, or -1 when the file ends first. */
function endOfScanData(bytes: Buffer, from: number): number {
  for (let i = from; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 0xff) continue;
    const next = bytes[i + 1] ?? 0;
    // FF00 is a stuffed data byte, FFD0-FFD7 restart markers inside the scan, FFFF fill.
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) continue;
    return i;
  }
  return -1;
}

/**
 * A JPEG's segments walked from start to end: a frame header PDF readers decode (size, precision,
 * components), quantisation tables, at least one scan with data, and the end-of-image marker.
 * A header alone, or a file cut short inside its scan, has no pixels to draw.
 */
function checkJpeg(bytes: Buffer): Checked {
  let pos = 2;
  let frame: Checked | null = null;
  let tables = false;
  let scans = 0;
  while (pos + 2 <= bytes.length) {
    if (bytes[pos] !== 0xff) return unsupported;
    const marker = bytes[pos + 1] ?? 0;
    if (marker === 0xff) {
      pos += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      pos += 2;
      continue;
    }
    if (marker === 0xd9) return frame && scans > 0 ? frame : unsupported;
    if (pos + 4 > bytes.length) return unsupported;
    const length = bytes.readUInt16BE(pos + 2);
    if (length < 2 || pos + 2 + length > bytes.length) return unsupported;
    if (OTHER_FRAMES.has(marker)) return unsupported;
    if (JPEG_FRAMES.has(marker)) {
      if (frame !== null || length < 8) return unsupported;
      const precision = bytes[pos + 4];
      const components = bytes[pos + 9] ?? 0;
      if (precision !== 8 || ![1, 3, 4].includes(components)) return unsupported;
      frame = sized('image/jpeg', bytes.readUInt16BE(pos + 7), bytes.readUInt16BE(pos + 5));
      // Too large or empty is known from the header: no need to look further.
      if ('error' in frame) return frame;
    } else if (marker === 0xdb) tables = true;
    else if (marker === 0xda) {
      // A scan needs its frame and tables first, and holds at least one byte of image data.
      if (!frame || !tables) return unsupported;
      const dataStart = pos + 2 + length;
      const dataEnd = endOfScanData(bytes, dataStart);
      if (dataEnd <= dataStart) return unsupported;
      scans += 1;
      pos = dataEnd;
      continue;
    }
    pos += 2 + length;
  }
  // No end-of-image marker: cut short.
  return unsupported;
}

/** Checks a logo file by its content, never its name: a sound PNG or JPEG within the size limits. */
export function checkLogoImage(bytes: Buffer): Checked {
  const type = logoTypeOf(bytes);
  if (type === 'image/png') return checkPng(bytes);
  if (type === 'image/jpeg') return checkJpeg(bytes);
  return unsupported;
}
