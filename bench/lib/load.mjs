import autocannon from 'autocannon';

const round = (n, digits = 2) => Number(n.toFixed(digits));

/** One autocannon run: a `warmup`-second run that is thrown away, then the measured one. */
export async function measure({ url, headers = {}, connections, duration, warmup = 2 }) {
  const opts = { url, headers, connections };
  await autocannon({ ...opts, duration: warmup });
  const r = await autocannon({ ...opts, duration });
  return {
    rps: round(r.requests.average, 1),
    p50_ms: round(r.latency.p50),
    p99_ms: round(r.latency.p99),
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}
