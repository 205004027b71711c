import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the gateway received. */
export interface GatewayRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real HTTP server on the loopback standing in for an SMS gateway: it records each request and answers with the next status queued (200 when none). */
export interface SmsGatewayStub {
  url: string;
  requests: GatewayRequest[];
  /** Statuses to answer with, in order (e.g. [500, 200]: fail once, then accept). */
  answers: number[];
  close(): Promise<void>;
}

export async function startSmsGateway(answers: number[] = []): Promise<SmsGatewayStub> {
  const requests: GatewayRequest[] = [];
  const stub = { answers, requests } as SmsGatewayStub;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = stub.answers.shift() ?? 200;
      response.writeHead(status, { 'content-type': 'application/json' }).end(status < 300 ? '{"status":"queued"}' : '{"error":"gateway down"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/messages`;
  stub.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return stub;
}
