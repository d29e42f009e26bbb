import pg from 'pg';

/** A channel being listened to; `close()` ends the connection and its reconnecting. */
export interface Listening {
  close(): Promise<void>;
}

/**
 * Listens on a PostgreSQL channel on a connection of its own (a pooled one would be handed to others), calling
 * `heard` for each notification and once more after every reconnection, since what was said meanwhile is lost.
 * A dropped connection is opened again, waiting a little longer each time (up to 5 s).
 */
export async function listen(
  url: string,
  channel: string,
  heard: () => void,
  log: (line: string) => void = () => {},
): Promise<Listening> {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let delay = 100;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => {
      if (n.channel === channel) heard();
    });
    c.on('error', (e) => {
      log(JSON.stringify({ level: 'warn', msg: 'listening connection lost', channel, error: e.message }));
      drop(c);
    });
    c.on('end', () => drop(c));
    await c.connect();
    await c.query(`LISTEN ${channel}`);
    if (closed) {
      await c.end();
      return;
    }
    client = c;
    delay = 100;
  };

  const drop = (c: pg.Client) => {
    if (client !== c || closed) return;
    client = undefined;
    schedule();
  };

  const schedule = () => {
    retry = setTimeout(() => {
      connect().then(heard, (e: Error) => {
        log(JSON.stringify({ level: 'warn', msg: 'listening connection not reopened', channel, error: e.message }));
        delay = Math.min(delay * 2, 5_000);
        schedule();
      });
    }, delay);
    retry.unref();
  };

  await connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}
