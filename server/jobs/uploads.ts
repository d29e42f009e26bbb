import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { uploads } from '../db/schema.ts';

export type UploadRow = typeof uploads.$inferSelect;
export type PopulationFormat = 'csv' | 'jsonl';

/** Raised when an upload is larger than allowed; nothing of it is kept. */
export class UploadTooLarge extends Error {}

/** Where uploads are kept, and how large one may be. */
export interface UploadStore {
  db: Db;
  dir: string;
  limitBytes: number;
}

/** The file an upload's bytes are in. */
export const uploadPath = (store: UploadStore, id: string) => join(store.dir, `${id}.population`);

/**
 * Streams a request body to a new file, hashing and counting as it passes: memory holds one chunk, never the file.
 * Over the limit the file is removed and UploadTooLarge is thrown.
 */
export async function saveUpload(
  store: UploadStore,
  input: { owner: string; format: PopulationFormat; body: ReadableStream<Uint8Array> | null },
): Promise<UploadRow> {
  mkdirSync(store.dir, { recursive: true, mode: 0o700 });
  const id = randomUUID();
  const path = uploadPath(store, id);
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > store.limitBytes) return done(new UploadTooLarge(`the file is larger than ${store.limitBytes} bytes`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const source = input.body ? Readable.fromWeb(input.body as unknown as WebReadableStream<Uint8Array>) : Readable.from([]);
  try {
    await pipeline(source, meter, createWriteStream(path, { mode: 0o600 }));
  } catch (e) {
    rmSync(path, { force: true });
    throw e;
  }
  return record(store, { id, owner: input.owner, format: input.format, bytes, hash: `sha256:${hash.digest('hex')}` });
}

/** Keeps a population sent inside a JSON request as an upload, so every run reads its persons from a file. */
export function saveUploadText(
  store: UploadStore,
  input: { owner: string; format: PopulationFormat; text: string },
): Promise<UploadRow> {
  mkdirSync(store.dir, { recursive: true, mode: 0o700 });
  const id = randomUUID();
  writeFileSync(uploadPath(store, id), input.text, { mode: 0o600 });
  const hash = `sha256:${createHash('sha256').update(input.text).digest('hex')}`;
  return record(store, { id, owner: input.owner, format: input.format, bytes: Buffer.byteLength(input.text), hash });
}

async function record(store: UploadStore, row: Omit<UploadRow, 'createdAt'>): Promise<UploadRow> {
  const [stored] = await store.db.transaction((tx) => tx.insert(uploads).values(row).returning());
  return stored as UploadRow;
}

/** An upload of `owner` by id; undefined for anyone else's, so ids reveal nothing. */
export async function ownUpload(store: UploadStore, id: string, owner: string): Promise<UploadRow | undefined> {
  const [row] = await store.db
    .select()
    .from(uploads)
    .where(and(eq(uploads.id, id), eq(uploads.owner, owner)));
  return row;
}

/** Removes an upload's file and record (its run ended; the result keeps its hash). */
export async function removeUpload(store: UploadStore, id: string): Promise<void> {
  rmSync(uploadPath(store, id), { force: true });
  await store.db.transaction(async (tx) => {
    await tx.delete(uploads).where(eq(uploads.id, id));
  });
}

/** Removes uploads older than `maxAgeMs` that no run is using; returns how many. */
export async function sweepUploads(
  store: UploadStore,
  inUse: (id: string) => Promise<boolean>,
  maxAgeMs = 24 * 3_600_000,
): Promise<number> {
  const before = new Date(Date.now() - maxAgeMs).toISOString();
  const stale = await store.db.select({ id: uploads.id }).from(uploads).where(lt(uploads.createdAt, before));
  let removed = 0;
  for (const { id } of stale) {
    if (await inUse(id)) continue;
    await removeUpload(store, id);
    removed++;
  }
  return removed;
}
