/**
 * The load generator of bench/portal-list.bench.ts, run as a second process so it does not
 * share the portal's event loop: autocannon against one address with the session cookie, for a
 * bounded time and number of connections on the loopback. Prints its result as one JSON line.
 * Arguments: URL COOKIE SECONDS CONNECTIONS
 */
import autocannon from 'autocannon';

const [url = '', cookie = '', seconds = '10', connections = '8'] = process.argv.slice(2);
const result = await autocannon({ url, duration: Number(seconds), connections: Number(connections), headers: cookie ? { cookie } : {} });
const ok = result['2xx'];
console.log(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok,
    failed: result.non2xx + result.errors + result.timeouts,
  }),
);
