import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { decisionDocument } from '../../src/document/decision-document.ts';
import { caseRefDigest } from '../auth/hmac.ts';
import type { Db } from '../db/open.ts';
import { users } from '../db/schema.ts';
import type { DocumentPool } from '../document/document-pool.ts';
import type { AppEnv } from '../http/auth-middleware.ts';
import { ApiError } from '../http/errors.ts';
import { ErrorSchema, errorResponses, IdParam, json } from '../http/schemas.ts';
import { type DecisionRow, toReceipt } from '../store/decisions.ts';
import { getOffice } from '../store/offices.ts';
import type { LawCache } from '../store/rule-files.ts';

interface Deps {
  db: Db;
  law: LawCache;
  secret: string;
  /** The threads that render the documents: never the request's own. */
  documents: DocumentPool;
  /** The ownership check of GET /decisions/{id}: the row, or 404 as if it did not exist (audited for others' receipts). */
  readable(c: Context<AppEnv>, id: string): Promise<DecisionRow>;
}

const Format = z.enum(['pdf', 'docx']).default('pdf').openapi({ description: 'PDF (A4, fonts embedded) or DOCX (editable)' });
const Lang = z.enum(['pl', 'en']).default('pl');
const DocumentQuery = z.strictObject({ format: Format, lang: Lang });
const DocumentBody = z
  .strictObject({
    format: Format,
    lang: Lang,
    party: z
      .strictObject({
        name: z.string().trim().min(1).max(300),
        address: z.string().trim().max(1000).default(''),
      })
      .openapi({ description: 'Printed on the document only: never stored, never logged' }),
    case_ref: z
      .string()
      .trim()
      .max(200)
      .optional()
      .openapi({ description: 'Printed as the case reference; must be the one the receipt was asked with, when it has one' }),
  })
  .openapi('DocumentRequest');

const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

const binary = (format: keyof typeof MIME) => ({ [MIME[format]]: { schema: z.string().openapi({ format: 'binary' }) } });
const responses = {
  200: { content: { ...binary('pdf'), ...binary('docx') }, description: 'The document, as an attachment' },
  409: { ...json(ErrorSchema), description: 'The answer was undetermined: there is nothing to decide yet' },
  ...errorResponses,
};

/** Today in Poland, where the document is dated. */
const todayInPoland = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());

/** The office a receipt was decided for, else the office of who asked. */
async function officeOfReceipt(db: Db, row: DecisionRow): Promise<string | null> {
  return (
    row.office ?? (await db.select({ office: users.office }).from(users).where(eq(users.id, row.askedBy)))[0]?.office ?? null
  );
}

async function documentResponse(
  deps: Deps,
  c: Context<AppEnv>,
  id: string,
  opts: { format: 'pdf' | 'docx'; lang: 'pl' | 'en'; party?: { name: string; address: string }; case_ref?: string | undefined },
): Promise<Response> {
  const row = await deps.readable(c, id);
  const receipt = toReceipt(row);
  if (receipt.answer.outcome === 'undetermined')
    throw new ApiError(409, 'UNDETERMINED', 'the answer lacks facts: ask again with the missing facts, then draft the document');
  const caseRef = opts.case_ref || undefined;
  if (caseRef && row.caseRefHmac && caseRefDigest(deps.secret, caseRef) !== row.caseRefHmac)
    throw new ApiError(400, 'INVALID_REQUEST', 'case_ref: not the case reference this decision was asked with', [
      { field: 'case_ref', message: 'give the case reference the decision was asked with, or leave it out' },
    ]);
  const doc = decisionDocument({
    receipt,
    catalogue: (await deps.law.get()).catalogue,
    office: (await getOffice(deps.db, await officeOfReceipt(deps.db, row))) ?? null,
    lang: opts.lang,
    issuedOn: todayInPoland(),
    party: opts.party,
    caseRef,
  });
  // The model is cheap and built here; rendering it (0.5-2 s of pdfmake) happens on a document thread.
  const { bytes } = await deps.documents.render(opts.format, doc);
  const name = `${doc.kind === 'decision' ? (opts.lang === 'pl' ? 'decyzja' : 'decision') : opts.lang === 'pl' ? 'pismo' : 'letter'}-${row.id}.${opts.format}`;
  return new Response(bytes, {
    status: 200,
    headers: {
      'content-type': MIME[opts.format],
      'content-disposition': `attachment; filename="${name}"`,
      // The document may carry a typed name and address: no cache keeps it.
      'cache-control': 'no-store',
    },
  });
}

/** GET and POST /decisions/{id}/document: a draft decision or information letter for a stored receipt, as PDF or DOCX. */
export function decisionDocumentRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/decisions/{id}/document',
      tags: ['decisions'],
      summary: 'A draft decision (or information letter) for a stored receipt, the party left blank to fill by hand',
      request: { params: IdParam, query: DocumentQuery },
      responses,
    }),
    async (c) => documentResponse(deps, c, c.req.valid('param').id, c.req.valid('query')) as never,
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/decisions/{id}/document',
      tags: ['decisions'],
      summary: 'The same document with the party’s name and address typed in: printed, never stored nor logged',
      request: { params: IdParam, body: { ...json(DocumentBody), required: true } },
      responses,
    }),
    async (c) => documentResponse(deps, c, c.req.valid('param').id, c.req.valid('json')) as never,
  );
}
