import { Agent, request } from 'node:http';

/** One answer: its status, how long it took, and its body as text. */
export interface Timed {
  status: number;
  ms: number;
  text: string;
}

/** A keep-alive HTTP client for 127.0.0.1 with at most `sockets` connections open. */
export class Client {
  private readonly agent: Agent;

  constructor(
    private readonly base: URL,
    sockets: number,
  ) {
    if (base.hostname !== '127.0.0.1') throw new Error('the load script talks to 127.0.0.1 only');
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  /** Sends a request and times it to the last byte of the answer; a connection error is status 0. */
  send(method: string, path: string, token: string, body?: unknown): Promise<Timed> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const start = performance.now();
    return new Promise((resolve) => {
      const req = request(
        {
          host: this.base.hostname,
          port: this.base.port,
          method,
          path,
          agent: this.agent,
          headers: {
            authorization: `Bearer ${token}`,
            ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, ms: performance.now() - start, text: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', () => resolve({ status: 0, ms: performance.now() - start, text: '' }));
        },
      );
      req.on('error', () => resolve({ status: 0, ms: performance.now() - start, text: '' }));
      if (payload) req.write(payload);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Latencies and throughput of a run. */
export interface RunStats {
  requests: number;
  ok: number;
  per_s: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
}

/** The q-quantile of sorted numbers. */
export const quantile = (sorted: number[], q: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number) : Number.NaN;

export function stats(times: Timed[], seconds: number): RunStats {
  const ms = times.map((t) => t.ms).sort((a, b) => a - b);
  const round = (n: number) => Number(n.toFixed(1));
  return {
    requests: times.length,
    ok: times.filter((t) => t.status >= 200 && t.status < 300).length,
    per_s: Math.round(times.length / seconds),
    p50_ms: round(quantile(ms, 0.5)),
    p99_ms: round(quantile(ms, 0.99)),
    max_ms: round(ms[ms.length - 1] ?? Number.NaN),
  };
}

/**
 * `connections` loops each sending one request after another until `until()` says stop (or `maxMs` passes):
 * a closed loop, so the server's speed sets the pace. Every answer is kept.
 */
export async function closedLoop(
  connections: number,
  maxMs: number,
  next: (i: number) => Promise<Timed>,
  until: () => boolean = () => false,
): Promise<{ times: Timed[]; seconds: number }> {
  const times: Timed[] = [];
  const start = performance.now();
  let i = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() - start < maxMs && !until()) times.push(await next(i++));
    }),
  );
  return { times, seconds: (performance.now() - start) / 1000 };
}
