import http from 'node:http';

/**
 * Runs `work(i, agent)` for i = 0 … count-1 on `concurrency` lanes, each one request at a time over a keep-alive
 * connection of its own (an `http.Agent` of one socket): `concurrency` clients, each waiting for its answer
 * before sending the next. (With `fetch`, requests queued while connections open may end up one after another on
 * the same connection, and the last of them wait for all the others.)
 */
export async function lanes(count, concurrency, work) {
  let next = 0;
  const lane = async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      while (next < count) await work(next++, agent);
    } finally {
      agent.destroy();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
}

/** One HTTP request through `agent`; resolves to the status and the body as text. */
export function send(agent, url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
