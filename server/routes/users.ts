import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { MIN_PASSWORD_LENGTH } from '../auth/password.ts';
import { ROLES } from '../auth/roles.ts';
import type { Db } from '../db/open.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { ApiError } from '../http/errors.ts';
import { ErrorSchema, errorResponses, IdParam, json } from '../http/schemas.ts';
import { addUser, PeopleError, type Principal } from '../store/people.ts';
import { getUser, listUsers, type UserRecord, updateUser } from '../store/users.ts';

const User = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    created_at: z.string(),
    disabled: z.boolean().openapi({ description: 'A disabled user cannot sign in; their history stays' }),
    disabled_at: z.string().nullable(),
    office: z.string().nullable().openapi({ description: 'The office the user works in; a supervisor reads its receipts' }),
  })
  .openapi('User');

/** A sign-in name: letters, digits, dot, dash or underscore, starting with a letter or digit. */
const Name = z
  .string()
  .min(2, 'at least 2 characters')
  .max(64, 'at most 64 characters')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, 'letters, digits, dot, dash or underscore, starting with a letter or digit')
  .openapi({ example: 'jan' });

const Password = z
  .string()
  .max(1000)
  .openapi({ description: `At least ${MIN_PASSWORD_LENGTH} characters, not all the same one` });

const Office = z
  .string()
  .max(100)
  .nullable()
  .openapi({ description: 'The office the user works in (e.g. PUP Kraków); empty or null for none', example: 'PUP Kraków' });

const NewUser = z
  .strictObject({ name: Name, role: z.enum(ROLES), password: Password, office: Office.optional() })
  .openapi('NewUser');

const UserChange = z
  .strictObject({
    role: z.enum(ROLES).optional(),
    disabled: z.boolean().optional().openapi({ description: 'true disables (and signs out), false enables' }),
    password: Password.optional(),
    office: Office.optional(),
  })
  .refine(
    (b) => b.role !== undefined || b.disabled !== undefined || b.password !== undefined || b.office !== undefined,
    'name role, disabled, password or office',
  )
  .openapi('UserChange');

const conflict = { 409: { ...json(ErrorSchema), description: 'The name exists, or the change would lock admins out' } };

function view(u: UserRecord) {
  return {
    id: u.id,
    name: u.name,
    role: u.role as (typeof ROLES)[number],
    created_at: u.createdAt,
    disabled: u.disabledAt !== null,
    disabled_at: u.disabledAt,
    office: u.office,
  };
}

/** A refusal of the people store as the API's error: 409 for a conflict, 400 naming the field otherwise. */
function refused(e: unknown): never {
  if (!(e instanceof PeopleError)) throw e;
  const status = e.code === 'USER_EXISTS' || e.code.startsWith('SELF_') || e.code === 'LAST_ADMIN' ? 409 : 400;
  throw new ApiError(status, e.code, e.message, e.field ? { field: e.field } : null);
}

/** Users for the admin UI: list, add, change role, disable or enable, set a password; admins only, every change audited. */
export function userRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db }): void {
  const { db } = deps;
  const who = (c: Context<AppEnv>) => c.get('principal') as Principal;
  app.use('/api/v1/users', requirePermission('manage_users'));
  app.use('/api/v1/users/:id', requirePermission('manage_users'));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/users',
      tags: ['users'],
      summary: 'Every user who signs in, with role and status (never a password hash)',
      responses: { 200: { ...json(z.object({ users: z.array(User) })), description: 'Users by name' }, ...errorResponses },
    }),
    async (c) => c.json({ users: (await listUsers(db)).map(view) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/users',
      tags: ['users'],
      summary: 'Add a user who signs in with a password',
      request: { body: { ...json(NewUser), required: true } },
      responses: { 201: { ...json(User), description: 'The new user' }, ...errorResponses, ...conflict },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const id = await addUser(db, body, who(c).id).catch(refused);
      return c.json(view((await getUser(db, id)) as UserRecord), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/users/{id}',
      tags: ['users'],
      summary:
        'Change the role or office, disable or enable, or set a new password; disabling, a new role or office ends their sessions',
      request: { params: IdParam, body: { ...json(UserChange), required: true } },
      responses: { 200: { ...json(User), description: 'The user as changed' }, ...errorResponses, ...conflict },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const user = await updateUser(db, id, c.req.valid('json'), who(c)).catch(refused);
      if (!user) throw new ApiError(404, 'NOT_FOUND', 'no user with this id');
      return c.json(view(user), 200);
    },
  );
}
