import { Agent, request } from 'node:http';

/** A reply: status, parsed JSON body (when there is one), and the ETag. */
export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the server answered.
  body: any;
  etag: string | undefined;
}

// Kept-alive connections, as real clients keep them: a node killed under them shows as the balancer sees it.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** One HTTP request to `base`, with a bearer token and a JSON body when given. */
export function send(
  base: URL | string,
  method: string,
  path: string,
  token = '',
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise<Reply>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: `${url.pathname}${url.search}`,
        agent,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            parsed = text;
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, etag: res.headers.etag });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}
