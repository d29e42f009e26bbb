import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import * as tar from 'tar';
import { BUNDLED_RULES_DIR } from '../../src/adapters/fs/read-rules.ts';
import { writeRulesDir } from '../../src/adapters/fs/write-rules.ts';
import { exportLayout } from '../../src/law/law-files.ts';
import { classify, type RuleFile } from '../../src/load/load-library.ts';
import type { Db } from '../db/open.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { ApiError } from '../http/errors.ts';
import { errorResponses, json } from '../http/schemas.ts';
import { openImport } from '../store/import-law.ts';
import { currentFile, currentFiles, differingFiles, filesOfDir, toRuleFile } from '../store/rule-files.ts';
import { apiPath, Draft, etag, storedPath, view } from './draft-schemas.ts';
import { who } from './drafts.ts';

/** Where the server's bundled law lies: the rules folder and the copy of the shared cases, as first imported. */
export interface BundledLaw {
  rulesDir: string;
  sharedCasesDir?: string | undefined;
}

/** The bundled files as stored paths: rules/… and rules/shared-cases/tests/…. */
function bundledFiles(bundled: BundledLaw): RuleFile[] {
  return [
    ...filesOfDir(bundled.rulesDir),
    ...(bundled.sharedCasesDir && existsSync(bundled.sharedCasesDir)
      ? filesOfDir(bundled.sharedCasesDir, 'rules/shared-cases/tests')
      : []),
  ];
}

/** The law as a gzipped tar in the layout of rules/: the same law gives the same bytes. */
export async function lawArchive(files: readonly RuleFile[]): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'ri-export-'));
  try {
    const layout = exportLayout(files);
    writeRulesDir(dir, layout);
    const out = join(dir, '..', `${dir.split('/').pop()}.tar.gz`);
    await tar.c(
      { gzip: true, file: out, cwd: dir, portable: true, mtime: new Date(0), noDirRecurse: true },
      layout.map((f) => f.path),
    );
    const bytes = await readFile(out);
    rmSync(out, { force: true });
    return bytes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads the YAML files of a gzipped tar, at most `maxBytes` unpacked; nothing outside the archive's own folder. */
export async function filesOfArchive(bytes: Uint8Array, maxBytes = 50_000_000): Promise<RuleFile[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ri-import-'));
  try {
    const archive = join(dir, 'law.tar.gz');
    writeFileSync(archive, bytes);
    const root = join(dir, 'law');
    mkdirSync(root);
    let total = 0;
    await tar.x({
      file: archive,
      cwd: root,
      strict: true,
      filter: (path, entry) => {
        total += 'size' in entry ? (entry.size ?? 0) : 0;
        if (total > maxBytes) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', `the archive unpacks to more than ${maxBytes} bytes`);
        return /\.ya?ml$/.test(path) || ('type' in entry && entry.type === 'Directory');
      },
    });
    return filesOfDir(root);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(400, 'INVALID_ARCHIVE', `the body is not a gzipped tar of the law: ${(e as Error).message}`, {
      field: 'body',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PublishedFile = z
  .object({
    path: z.string(),
    kind: z.string(),
    revision: z.number(),
    hash: z.string(),
    published_at: z.string(),
    published_by: z.string(),
  })
  .openapi('PublishedFile');

const ImportBody = z
  .strictObject({
    title: z.string().max(300).optional(),
    files: z
      .array(z.strictObject({ path: z.string().max(300), yaml: z.string().max(1_000_000) }))
      .max(2000)
      .optional()
      .openapi({ description: 'Files of the law, each at its path in rules/' }),
    bundled: z
      .boolean()
      .optional()
      .openapi({ description: 'The files of the server’s bundled rules/ that differ from the database' }),
  })
  .openapi('ImportLaw');

/** The published law file by file, exported whole, and files brought in from outside as a change set for review. */
export function lawRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; bundled?: BundledLaw | undefined }): void {
  const { db } = deps;
  const bundled = deps.bundled ?? { rulesDir: BUNDLED_RULES_DIR };
  app.use('/api/v1/law/files', requirePermission('read_rules'));
  app.use('/api/v1/law/files/*', requirePermission('read_rules'));
  app.use('/api/v1/law/export', requirePermission('draft', 'review'));
  app.use('/api/v1/law/bundled', requirePermission('draft'));
  app.use('/api/v1/drafts/import', requirePermission('draft'));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/law/files',
      tags: ['law'],
      summary: 'Every file of the published law, at its current revision (paths in rules/)',
      responses: { 200: { ...json(z.object({ files: z.array(PublishedFile) })), description: 'The files' }, ...errorResponses },
    }),
    async (c) =>
      c.json(
        {
          files: (await currentFiles(db)).map((f) => ({
            path: apiPath(f.path),
            kind: f.kind,
            revision: f.revision,
            hash: f.hash,
            published_at: f.publishedAt,
            published_by: f.publishedBy,
          })),
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/law/files/{path}',
      tags: ['law'],
      summary: 'One published file’s text at its current revision (the path URL-encoded as one segment)',
      request: {
        params: z.object({
          path: z
            .string()
            .max(300)
            .openapi({ param: { name: 'path', in: 'path' } }),
        }),
      },
      responses: { 200: { ...json(PublishedFile.extend({ yaml: z.string() })), description: 'The file' }, ...errorResponses },
    }),
    async (c) => {
      const f = await currentFile(db, storedPath(c.req.valid('param').path));
      if (!f) throw new ApiError(404, 'NOT_FOUND', `no published file ${c.req.valid('param').path}`);
      return c.json(
        {
          path: apiPath(f.path),
          kind: f.kind,
          revision: f.revision,
          hash: f.hash,
          published_at: f.publishedAt,
          published_by: f.publishedBy,
          yaml: f.yaml,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/law/export',
      tags: ['law'],
      summary: 'The published law as a .tar.gz in the layout of rules/ (the same law, the same bytes)',
      responses: {
        200: {
          content: { 'application/gzip': { schema: z.string().openapi({ format: 'binary' }) } },
          description: 'The archive',
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const bytes = await lawArchive((await currentFiles(db)).map(toRuleFile));
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': 'application/gzip',
        'content-disposition': 'attachment; filename="reintegra-law.tar.gz"',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/law/bundled',
      tags: ['law'],
      summary: 'The files of the server’s bundled rules/ that are new or differ from the published law',
      responses: {
        200: {
          ...json(z.object({ differing: z.array(z.object({ path: z.string(), status: z.enum(['added', 'changed']) })) })),
          description: 'The files',
        },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        {
          differing: (await differingFiles(db, bundledFiles(bundled))).map((d) => ({
            path: apiPath(d.file.path),
            status: d.base ? ('changed' as const) : ('added' as const),
          })),
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/drafts/import',
      tags: ['drafts'],
      summary:
        'Open a change set holding every given file that differs from the published law (JSON files, the bundled rules/, or a .tar.gz body); never published without review',
      request: {
        body: {
          content: {
            'application/json': { schema: ImportBody },
            'application/gzip': { schema: z.string().openapi({ format: 'binary' }) },
          },
          required: true,
        },
      },
      responses: { 201: { ...json(Draft), description: 'The change set' }, ...errorResponses },
    }),
    async (c) => {
      let files: RuleFile[];
      let title = 'Import';
      const type = c.req.header('content-type') ?? '';
      if (/gzip|tar/.test(type)) {
        files = await filesOfArchive(new Uint8Array(await c.req.arrayBuffer()));
        title = 'Import z archiwum';
      } else {
        const body = ImportBody.safeParse(await c.req.json().catch(() => undefined));
        if (!body.success)
          throw new ApiError(
            400,
            'INVALID_REQUEST',
            'the body is { files } or { bundled: true }, or a .tar.gz',
            body.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
          );
        if (body.data.bundled) {
          files = bundledFiles(bundled);
          title = body.data.title ?? 'Zmiany w dołączonych plikach rules/';
        } else if (body.data.files) {
          files = body.data.files.map((f) => ({ path: storedPath(f.path), text: f.yaml }));
          title = body.data.title ?? title;
        } else {
          throw new ApiError(400, 'INVALID_REQUEST', 'say what to import: files, bundled, or a .tar.gz body', [
            { field: 'files', message: 'required' },
          ]);
        }
      }
      const wrong = files.find((f) => classify(f.path) === 'other');
      if (wrong)
        throw new ApiError(400, 'INVALID_PATH', `${apiPath(wrong.path)} is not a file of the law`, [
          { field: 'files', message: 'not YAML' },
        ]);
      const cs = await openImport(db, files, who(c).id, title);
      if (!cs) throw new ApiError(422, 'NOTHING_TO_IMPORT', 'every file equals the published law: there is nothing to review');
      c.header('ETag', etag(cs));
      return c.json(view(cs), 201);
    },
  );
}
