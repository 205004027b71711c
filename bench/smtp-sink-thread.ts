/**
 * The benchmarks' SMTP server, in a thread of its own (a real server is never in the
 * sender's thread): accepts everything and counts what it received in a shared counter.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SMTPServer } from 'smtp-server';

const received = new Int32Array((workerData as { counter: SharedArrayBuffer }).counter);
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      Atomics.add(received, 0, 1);
      callback(null);
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  parentPort?.postMessage({ port: typeof address === 'object' && address ? address.port : 0 });
});
parentPort?.on('message', () => server.close(() => process.exit(0)));
