import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { OfficeSettings } from '../../src/schema/office.ts';
import type { Db } from '../db/open.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { ApiError } from '../http/errors.ts';
import { ErrorSchema, errorResponses, json } from '../http/schemas.ts';
import { createOffice, getOffice, listOffices, updateOffice } from '../store/offices.ts';
import type { Principal } from '../store/people.ts';

const Office = OfficeSettings.extend({ updated_at: z.string(), updated_by: z.string() }).openapi('Office');
const OfficeBody = OfficeSettings.openapi('OfficeSettings');
const OfficeChange = OfficeSettings.omit({ office: true }).openapi('OfficeChange');
const OfficeParam = z.object({
  office: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'office', in: 'path' }, example: 'PUP Kraków' }),
});
const MyOffice = z
  .object({
    office: z.string().nullable().openapi({ description: 'The office the signed-in user works in; null for none' }),
    settings: OfficeSettings.nullable().openapi({
      description: 'What the office prints on its decisions; null until an admin sets it',
    }),
  })
  .openapi('MyOffice');

const who = (c: Context<AppEnv>) => c.get('principal') as Principal;

/** GET/POST /offices, PUT /offices/{office} (admins), GET /my-office (anyone signed in). */
export function officeRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db }): void {
  const admin = requirePermission('manage_users');
  app.use('/api/v1/offices', admin);
  app.use('/api/v1/offices/*', admin);
  app.use('/api/v1/my-office', requirePermission('read_rules'));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/offices',
      tags: ['offices'],
      summary: 'Every office’s settings for its documents (admins)',
      responses: { 200: { ...json(z.object({ offices: z.array(Office) })), description: 'The offices' }, ...errorResponses },
    }),
    async (c) => c.json({ offices: await listOffices(deps.db) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/offices',
      tags: ['offices'],
      summary: 'Set up an office’s settings: name, address, place, appeal body, signatory (admins; audited)',
      request: { body: { ...json(OfficeBody), required: true } },
      responses: {
        201: { ...json(Office), description: 'Created' },
        409: { ...json(ErrorSchema), description: 'The office has settings already: change them with PUT' },
        ...errorResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      if (!(await createOffice(deps.db, body, who(c).id)))
        throw new ApiError(409, 'OFFICE_EXISTS', `${body.office} has settings already: change them with PUT`, {
          field: 'office',
        });
      return c.json((await getOffice(deps.db, body.office)) as z.infer<typeof Office>, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/offices/{office}',
      tags: ['offices'],
      summary: 'Change an office’s settings (admins; audited)',
      request: { params: OfficeParam, body: { ...json(OfficeChange), required: true } },
      responses: { 200: { ...json(OfficeSettings), description: 'Changed' }, ...errorResponses },
    }),
    async (c) => {
      const { office } = c.req.valid('param');
      const settings = { office, ...c.req.valid('json') };
      if (!(await updateOffice(deps.db, settings, who(c).id)))
        throw new ApiError(404, 'NOT_FOUND', `${office} has no settings yet: create them with POST /api/v1/offices`);
      return c.json((await getOffice(deps.db, office)) as z.infer<typeof OfficeSettings>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/my-office',
      tags: ['offices'],
      summary: 'The signed-in user’s office and its settings for documents',
      responses: { 200: { ...json(MyOffice), description: 'The office' }, ...errorResponses },
    }),
    async (c) => {
      const office = who(c).office ?? null;
      return c.json({ office, settings: (await getOffice(deps.db, office)) ?? null }, 200);
    },
  );
}
