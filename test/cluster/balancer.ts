import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { send } from './send.ts';

const CONFIG = fileURLToPath(new URL('../../deploy/haproxy.cfg', import.meta.url));

/** HAProxy in front of the nodes, as deploy/haproxy.cfg configures it, on a free loopback port. */
export interface Balancer {
  url: URL;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Where Debian puts haproxy (the `haproxy` package), else whatever PATH finds. */
function haproxyBinary(): string {
  return existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy';
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Starts HAProxy in the foreground with the deployment's configuration; resolves once both nodes answer through it. */
export async function startBalancer(dir: string, nodeA: URL, nodeB: URL): Promise<Balancer> {
  const port = await freePort();
  const child = spawn(haproxyBinary(), ['-db', '-f', CONFIG], {
    cwd: dir,
    env: {
      ...process.env,
      REINTEGRA_LISTEN: `127.0.0.1:${port}`,
      REINTEGRA_NODE_A: nodeA.host,
      REINTEGRA_NODE_B: nodeB.host,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const errors: string[] = [];
  child.stderr?.on('data', (d: Buffer) => errors.push(d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', (e) => errors.push(`${e.message}: apt-get install -y haproxy (.ci/run does it)`));
  const url = new URL(`http://127.0.0.1:${port}`);
  // Up when it answers, and both nodes are marked up (health checks every 500 ms).
  const seen = new Set<string>();
  for (const until = Date.now() + 30_000; seen.size < 2; ) {
    if (Date.now() > until || child.exitCode !== null)
      throw new Error(`HAProxy did not balance over both nodes: ${errors.join('').slice(-2000)}`);
    const r = await send(url, 'GET', '/healthz').catch(() => undefined);
    if (r?.status === 200) seen.add(r.body.node as string);
    else await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    process: child,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
