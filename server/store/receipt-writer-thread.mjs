// The receipt writer's thread: its own connection to the database file commits receipts, so that the sync to disk
// (synchronous=FULL) never holds the server's event loop. Every message that arrived while the last commit synced is
// stored in the next transaction together: one sync serves them all. Plain JavaScript: it needs no TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { path, synchronous, sql } = workerData;
const db = new Database(path);
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${synchronous}`);
db.pragma('busy_timeout = 5000');
const insert = db.prepare(sql);
const commit = db.transaction((groups) => {
  for (const g of groups) for (const row of g.rows) insert.run(row);
});

let waiting = [];
let scheduled = false;

function flush() {
  scheduled = false;
  const groups = waiting;
  waiting = [];
  try {
    commit(groups);
    parentPort.postMessage({ done: groups.map((g) => g.seq) });
  } catch {
    // One group at fault must not fail the others: each alone, in its own transaction, all or nothing.
    for (const g of groups) {
      try {
        commit([g]);
        parentPort.postMessage({ done: [g.seq] });
      } catch (e) {
        parentPort.postMessage({ failed: g.seq, message: e.message, code: e.code });
      }
    }
  }
}

parentPort.on('message', (m) => {
  if (m === 'close') {
    if (waiting.length) flush();
    db.close();
    parentPort.close();
    return;
  }
  waiting.push(m);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
});
