import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './auth-middleware.ts';

/** How long a line may wait in memory before it is written, and how much may wait. */
const FLUSH_MS = 25;
const FLUSH_BYTES = 64 * 1024;

/**
 * Lines gathered and written together, at most {@link FLUSH_MS} late: a write to a pipe is a system call that holds
 * the event loop, so one per batch of requests instead of one each. Whatever waits is written when the process exits.
 */
export class LineBuffer {
  private lines: string[] = [];
  private bytes = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly write: (text: string) => void,
    private readonly waitMs = FLUSH_MS,
  ) {}

  add(line: string): void {
    this.lines.push(line);
    this.bytes += line.length + 1;
    if (this.bytes >= FLUSH_BYTES) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), this.waitMs).unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.lines.length) return;
    const text = `${this.lines.join('\n')}\n`;
    this.lines = [];
    this.bytes = 0;
    this.write(text);
  }
}

let stdout: LineBuffer | undefined;

/** The buffer over standard output, made once, written out when the process exits. */
function stdoutBuffer(): LineBuffer {
  if (!stdout) {
    const buffer = new LineBuffer((text) => process.stdout.write(text));
    process.once('exit', () => buffer.flush());
    stdout = buffer;
  }
  return stdout;
}

/** One JSON line per request (no body, no facts, no secrets), buffered off the hot path. */
export function logRequests(buffer: LineBuffer = stdoutBuffer()): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const principal = c.get('principal');
    buffer.add(
      JSON.stringify({
        at: new Date().toISOString(),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - start),
        who: principal?.name,
      }),
    );
  };
}
