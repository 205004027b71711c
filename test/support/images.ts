import zlib from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(data, zlib.crc32(Buffer.from(type, 'latin1'))));
  return Buffer.concat([head, data, crc]);
}

/** A PNG from raw parts: IHDR fields, the uncompressed scanlines (filter byte first) and extra chunks before IDAT; `idat` replaces the compressed data. */
export function pngFrom(o: { width: number; height: number; depth?: number; colour?: number; interlace?: number; scanlines: Buffer; chunks?: [string, Buffer][]; idat?: Buffer }): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(o.width, 0);
  ihdr.writeUInt32BE(o.height, 4);
  ihdr.set([o.depth ?? 8, o.colour ?? 2, 0, 0, o.interlace ?? 0], 8);
  const extra = (o.chunks ?? []).map(([type, data]) => chunk(type, data));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), ...extra, chunk('IDAT', o.idat ?? zlib.deflateSync(o.scanlines)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * A PNG made here rather than a binary fixture: 8 bits per sample, a vertical gradient in one
 * colour; RGB by default (no alpha, so pdfkit embeds exactly one image object), RGBA on request.
 */
export function pngImage(width: number, height: number, rgb: readonly [number, number, number] = [200, 30, 60], alpha = false): Buffer {
  const channels = alpha ? 4 : 3;
  const scanlines = Buffer.alloc(height * (1 + width * channels));
  for (let y = 0; y < height; y++) {
    const start = y * (1 + width * channels);
    for (let x = 0; x < width; x++) scanlines.set([rgb[0], rgb[1], (rgb[2] + y) % 256, ...(alpha ? [x % 256] : [])], start + 1 + x * channels);
  }
  return pngFrom({ width, height, colour: alpha ? 6 : 2, scanlines });
}

/** The smallest GIF there is (1 x 1): a real image in a format letters do not take. */
export const GIF_1X1 = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** A JPEG's headers (SOI, JFIF, a frame header) for a given size, without scan data: enough for the header check and for pdfkit. */
export function jpegHeader(width: number, height: number, frame = 0xc0, precision = 8): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof = Buffer.from([0xff, frame, 0x00, 0x11, precision, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

/** One JPEG segment: marker, then its length (counting itself) and body. */
function jpegSegment(marker: number, body: readonly number[]): Buffer {
  return Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]);
}

/** Scan data of `blocks` blocks with one 1-bit code each ('0'), per bit set in `codesPerBlock`, padded with 1 bits. */
function zeroCodedScan(blocks: number, codesPerBlock: number): Buffer {
  const bits = blocks * codesPerBlock;
  const data = Buffer.alloc(Math.ceil(bits / 8));
  // Only the padding after the last code is 1s (a full byte of padding never occurs, so no FF stuffing is needed).
  if (bits % 8 !== 0) data[data.length - 1] = (1 << (8 - (bits % 8))) - 1;
  return data;
}

/**
 * A real, decodable grey JPEG made here: one component, flat mid-grey. Every block codes
 * "DC unchanged" and "end of block" with one-bit Huffman codes. Baseline (0xc0) has one scan;
 * progressive (0xc2) a DC scan and an AC scan, as a progressive encoder writes them.
 */
export function jpegImage(width: number, height: number, frame: 0xc0 | 0xc2 = 0xc0): Buffer {
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const oneCode = (tableClassAndId: number) => jpegSegment(0xc4, [tableClassAndId, 1, ...Array<number>(15).fill(0), 0x00]);
  const scan = (spectralStart: number, spectralEnd: number) => jpegSegment(0xda, [1, 1, 0x00, spectralStart, spectralEnd, 0x00]);
  const parts = [
    Buffer.from([0xff, 0xd8]),
    jpegSegment(0xdb, [0x00, ...Array<number>(64).fill(1)]),
    jpegSegment(frame, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    oneCode(0x00),
    oneCode(0x10),
    ...(frame === 0xc0
      ? [scan(0, 63), zeroCodedScan(blocks, 2)]
      : [scan(0, 0), zeroCodedScan(blocks, 1), scan(1, 63), zeroCodedScan(blocks, 1)]),
    Buffer.from([0xff, 0xd9]),
  ];
  return Buffer.concat(parts);
}
