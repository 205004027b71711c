import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../../shared/errors';
import type { Result } from '../../shared/result';

export class BodyTooLargeError extends Error {
  /** True when the client kept sending past the hard cap and the connection was cut. */
  constructor(readonly aborted: boolean) {
    super('The request body is too large.');
  }
}

/**
 * Reads the whole body, refusing more than `limit` bytes. An oversize body is
 * still read and discarded (up to 16 times the limit) so the client gets the
 * 413 answer instead of a reset connection; beyond that the socket is cut.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const hardCap = limit * 16;
  const declared = Number(req.headers['content-length'] ?? 0);
  if (Number.isFinite(declared) && declared > hardCap) {
    req.destroy();
    return Promise.reject(new BodyTooLargeError(true));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > hardCap) {
        settled = true;
        req.destroy();
        reject(new BodyTooLargeError(true));
      } else if (size <= limit) {
        chunks.push(chunk);
      }
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      if (size > limit) reject(new BodyTooLargeError(false));
      else resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
  });
}

/** Sends a Result as JSON; transport failures use the same envelope as channel errors. */
export function sendResult(res: ServerResponse, status: number, result: Result<unknown>, extraHeaders: Record<string, string> = {}): void {
  const body = JSON.stringify(result);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders,
  });
  res.end(body);
}

export function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string, extraHeaders: Record<string, string> = {}): void {
  sendResult(res, status, { ok: false, error: { code, message } }, extraHeaders);
}

/** A plain-text answer for the static side (no data, so no JSON envelope needed). */
export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
