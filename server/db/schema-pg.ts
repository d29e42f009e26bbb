import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * PostgreSQL's copy of schema.ts, table for table and column for column (schema-parity.test.ts holds them together):
 * the store runs schema.ts's tables on either database, so names, nullability, keys and defaults must be the same.
 */

// The same ISO text as SQLite's strftime('%Y-%m-%dT%H:%M:%fZ', 'now'): timestamps stay text and sort the same.
const now = sql`(to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

/** Every file of the law as published (rule-set versions, catalogue and parameter revisions, test cases); never changed. */
export const ruleFiles = pgTable(
  'rule_files',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    path: text('path').notNull(),
    revision: integer('revision').notNull(),
    kind: text('kind').notNull(),
    question: text('question'),
    version: text('version'),
    yaml: text('yaml').notNull(),
    hash: text('hash').notNull(),
    publishedAt: text('published_at').notNull().default(now),
    publishedBy: text('published_by').notNull(),
  },
  (t) => [uniqueIndex('rule_files_path_revision').on(t.path, t.revision), index('rule_files_question').on(t.question)],
);

/** A change set: work in progress on files of the law, published as one or kept as a proposal; files in `draft_files`. */
export const drafts = pgTable('drafts', {
  id: text('id').primaryKey(),
  title: text('title'),
  /** Bumped by every change to any of its files: the ETag a save must send back. */
  revision: integer('revision').notNull().default(1),
  status: text('status').notNull().default('draft'),
  proposal: boolean('proposal').notNull().default(false),
  /** The author says, knowingly, that a version published after a repeal brings the question back. */
  revivesRepealed: boolean('revives_repealed').notNull().default(false),
  authorId: text('author_id').notNull(),
  reviewerId: text('reviewer_id'),
  comment: text('comment'),
  createdAt: text('created_at').notNull().default(now),
  updatedAt: text('updated_at').notNull().default(now),
});

/** One file of a change set, at the path it would have in `rules/` once published, and the published file it began as. */
export const draftFiles = pgTable(
  'draft_files',
  {
    draftId: text('draft_id').notNull(),
    path: text('path').notNull(),
    yaml: text('yaml').notNull(),
    basePath: text('base_path'),
    baseRevision: integer('base_revision'),
    /** How many times this file was saved in the change set. */
    revision: integer('revision').notNull().default(1),
    updatedBy: text('updated_by').notNull(),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.draftId, t.path] })],
);

/** Every edit of a change set, by whom: who wrote any part of it may not approve it. */
export const draftEdits = pgTable(
  'draft_edits',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    draftId: text('draft_id').notNull(),
    revision: integer('revision').notNull(),
    path: text('path'),
    action: text('action').notNull(),
    actor: text('actor').notNull(),
    hash: text('hash'),
    at: text('at').notNull().default(now),
  },
  (t) => [index('draft_edits_draft').on(t.draftId)],
);

/** A test expectation the author changed on purpose, with the one-line reason the reviewer reads. */
export const draftExpectations = pgTable(
  'draft_expectations',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    draftId: text('draft_id').notNull(),
    path: text('path').notNull(),
    caseName: text('case_name').notNull(),
    question: text('question').notNull(),
    changes: text('changes').notNull(),
    reason: text('reason').notNull(),
    actor: text('actor').notNull(),
    at: text('at').notNull().default(now),
  },
  (t) => [index('draft_expectations_draft').on(t.draftId)],
);

/** A receipt of every decision: what was asked, what was answered, under which rules, by whom. */
export const decisions = pgTable(
  'decisions',
  {
    id: text('id').primaryKey(),
    question: text('question').notNull(),
    date: text('date').notNull(),
    facts: text('facts').notNull(),
    answer: text('answer').notNull(),
    outcome: text('outcome').notNull(),
    rulesetVersion: text('ruleset_version'),
    rulesetHash: text('ruleset_hash'),
    engineVersion: text('engine_version').notNull(),
    askedBy: text('asked_by').notNull(),
    caseRefHmac: text('case_ref_hmac'),
    /** The office the decision was taken for (the asker's by default), as in users' `office`. */
    office: text('office'),
    replayOf: text('replay_of'),
    /** The day whose knowledge of the law answered (known_on; the day asked when the request named none). */
    knownOn: text('known_on'),
    /** The batch job that stored it, so the receipts of a batch that did not finish can be taken back. */
    jobId: text('job_id'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    // The caller's receipts newest first, paged by (created_at, id): one index range, however many they have.
    index('decisions_asked_by_created').on(t.askedBy, t.createdAt, t.id),
    index('decisions_case_ref').on(t.caseRefHmac),
    index('decisions_job').on(t.jobId).where(sql`${t.jobId} IS NOT NULL`),
    // A change's replay impact reads one question's receipts over a period of decision dates.
    index('decisions_question_date').on(t.question, t.date),
  ],
);

/** The append-only change log; each entry holds the keyed hash of the one before it. */
export const auditLog = pgTable(
  'audit_log',
  {
    // The store always gives seq (the chain numbers its entries itself); the identity only mirrors SQLite's AUTOINCREMENT.
    seq: integer('seq').primaryKey().generatedByDefaultAsIdentity(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subject: text('subject').notNull(),
    beforeHash: text('before_hash'),
    afterHash: text('after_hash'),
    detail: text('detail').notNull().default('{}'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  // Counting recent failed sign-ins (and other actions) for the audit page without reading the whole log.
  (t) => [index('audit_log_action_at').on(t.action, t.at)],
);

/** People who sign in; a disabled user (disabled_at set) keeps their history but cannot sign in. */
export const users = pgTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  role: text('role').notNull(),
  passwordHash: text('password_hash'),
  createdAt: text('created_at').notNull().default(now),
  disabledAt: text('disabled_at'),
  /** The office the user works in: a supervisor reads the receipts of their office. */
  office: text('office'),
});

/** What an office prints on its decisions (name, address, place, appeal body, signatory), keyed by users' `office`. */
export const offices = pgTable('offices', {
  office: text('office').primaryKey(),
  name: text('name').notNull(),
  address: text('address').notNull(),
  place: text('place').notNull(),
  appealBody: text('appeal_body').notNull(),
  signatoryName: text('signatory_name').notNull(),
  signatoryPosition: text('signatory_position').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: text('updated_at').notNull().default(now),
});

/** API tokens for systems, stored only as a hash. */
export const apiTokens = pgTable('api_tokens', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: text('created_at').notNull().default(now),
  /** After this time the token is refused (90 days after creation unless said otherwise). */
  expiresAt: text('expires_at'),
  /** When the token was last accepted, to the minute: stale tokens are easy to find and revoke. */
  lastUsedAt: text('last_used_at'),
  /** A revoked token is kept, so the audit log still names it, but never accepted again. */
  revokedAt: text('revoked_at'),
});

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  expiresAt: text('expires_at').notNull(),
});

/** Server settings kept with the data (the generated HMAC key). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** A population run of a proposal against a baseline: its progress, and its result with every hash needed to reproduce it. */
export const simulations = pgTable(
  'simulations',
  {
    id: text('id').primaryKey(),
    question: text('question').notNull(),
    date: text('date').notNull(),
    baselineVersion: text('baseline_version'),
    baselineHash: text('baseline_hash'),
    proposalVersion: text('proposal_version').notNull(),
    proposalHash: text('proposal_hash').notNull(),
    populationHash: text('population_hash').notNull(),
    status: text('status').notNull().default('running'),
    // Rows of a population, which has no upper bound.
    processed: bigint('processed', { mode: 'number' }).notNull().default(0),
    /** What was asked (population source, breakdowns, months a year), without the population itself: enough to run it again. */
    request: text('request'),
    result: text('result'),
    error: text('error'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull().default(now),
    finishedAt: text('finished_at'),
  },
  // The trials page lists a caller's runs newest first, paged by (created_at, id).
  (t) => [
    index('simulations_created_by_created').on(t.createdBy, t.createdAt, t.id),
    index('simulations_created').on(t.createdAt, t.id),
  ],
);

/**
 * Failed sign-ins per user name and per client address (key, points, expire in epoch ms). On PostgreSQL
 * rate-limiter-flexible's RateLimiterPostgres uses it as is (tableCreated: true): the columns it would create itself.
 */
export const signInLimits = pgTable('sign_in_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: bigint('expire', { mode: 'number' }),
});

/**
 * Heavy work waiting for or running on the worker pool: a simulation or a large batch of decisions.
 * `payload_ref` names where the work is described (a simulation's id); a batch's requests stay with its waiting caller.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    payloadRef: text('payload_ref'),
    owner: text('owner').notNull(),
    /** queued, running, done, failed or cancelled. */
    status: text('status').notNull().default('queued'),
    /** Lower runs first: a batch has its caller waiting, a simulation is polled. */
    priority: integer('priority').notNull().default(0),
    // Rows done and rows in all, of a population or a batch.
    progress: bigint('progress', { mode: 'number' }).notNull().default(0),
    total: bigint('total', { mode: 'number' }),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    createdAt: text('created_at').notNull().default(now),
    startedAt: text('started_at'),
    updatedAt: text('updated_at').notNull().default(now),
    finishedAt: text('finished_at'),
  },
  (t) => [index('jobs_status').on(t.status, t.priority, t.createdAt), index('jobs_owner_status').on(t.owner, t.status)],
);

/** A population file streamed to disk (never held in memory), kept for its owner's run and removed when the run ends. */
export const uploads = pgTable('uploads', {
  id: text('id').primaryKey(),
  owner: text('owner').notNull(),
  format: text('format').notNull(),
  // A file may pass 2 GiB.
  bytes: bigint('bytes', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  createdAt: text('created_at').notNull().default(now),
});

/** What a change set would have done to past decisions: the period and questions asked, progress, and the result. */
export const replayImpacts = pgTable('replay_impacts', {
  id: text('id').primaryKey(),
  draftId: text('draft_id').notNull(),
  /** The change set's revision when started: a result answers for that revision only. */
  draftRevision: integer('draft_revision').notNull(),
  fromDate: text('from_date').notNull(),
  toDate: text('to_date').notNull(),
  /** The questions replayed, as a JSON array. */
  questions: text('questions').notNull(),
  status: text('status').notNull().default('running'),
  // Receipts replayed and receipts in all: a long period may hold billions.
  processed: bigint('processed', { mode: 'number' }).notNull().default(0),
  total: bigint('total', { mode: 'number' }),
  result: text('result'),
  error: text('error'),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull().default(now),
  finishedAt: text('finished_at'),
});
