import { parse } from 'yaml';
import type { Schemas } from '../api/client.ts';
import type { LocalText } from './local-text.ts';

/** A question with its versions, as GET /api/v1/questions gives it. */
export type Question = Schemas['QuestionSummary'];
/** A draft, as GET /api/v1/drafts gives it. */
export type Draft = Schemas['Draft'];
/** One version with its YAML and parsed document, as GET /api/v1/questions/{q}/versions/{v} gives it. */
export type VersionDetail = Schemas['VersionDetail'];

/** Where a version stands: law (published, repealed), a proposed amendment, or a draft on its way. */
export type EntryStatus = 'published' | 'repealed' | 'proposal' | 'draft' | 'submitted' | 'rejected' | 'proposalDraft';

/** Where a version was published. */
export interface Publication {
  act: string;
  dz_u: string;
  basis: string;
}

/** One row of a question's timeline. */
export interface TimelineEntry {
  /** Unique within the question. */
  key: string;
  status: EntryStatus;
  /** True for the law version in force today. */
  inForce: boolean;
  /** The version's name (its valid_from), a proposal's name, or a draft's id. */
  name: string;
  /** Where the entry is read: the version page, or the draft editor. */
  href: string;
  validFrom?: string;
  /** The day the next version begins. */
  validUntil?: string;
  title?: LocalText;
  law?: Publication;
  successor?: string;
  confidence?: string;
  author?: string;
}

/** The parts of a rule set's YAML a timeline shows; nothing when the text does not parse. */
export function peekVersion(yaml: string): { validFrom?: string; title?: LocalText; law?: Publication } {
  let doc: unknown;
  try {
    doc = parse(yaml);
  } catch {
    return {};
  }
  if (!isRecord(doc)) return {};
  const from = doc.valid_from;
  const law = isRecord(doc.law) ? doc.law : undefined;
  return {
    ...(typeof from === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(from) ? { validFrom: from } : {}),
    ...(isRecord(doc.title) && typeof doc.title.pl === 'string' && typeof doc.title.en === 'string'
      ? { title: { pl: doc.title.pl, en: doc.title.en } }
      : {}),
    ...(law ? { law: { act: str(law.act), dz_u: str(law.dz_u), basis: str(law.basis) } } : {}),
  };
}

/**
 * Every entry of one question's timeline, oldest first: its law versions (published, or repealed with the
 * successor), its bundled proposals (their details as loaded), and the drafts the user may read (published
 * drafts are already law versions, so they are left out).
 */
export function timelineOf(
  question: Question,
  drafts: readonly Draft[],
  proposals: ReadonlyMap<string, VersionDetail>,
  today: string,
): TimelineEntry[] {
  const q = encodeURIComponent(question.id);
  const law: TimelineEntry[] = question.versions.map((v) => ({
    key: `v:${v.version}`,
    status: v.repealed ? 'repealed' : 'published',
    inForce: !v.repealed && v.validFrom <= today && (!v.validUntil || today < v.validUntil),
    name: v.version,
    href: `/questions/${q}/${encodeURIComponent(v.version)}`,
    validFrom: v.validFrom,
    ...(v.validUntil ? { validUntil: v.validUntil } : {}),
    title: v.title,
    law: v.law,
    ...(v.successor ? { successor: v.successor } : {}),
    ...(v.confidence ? { confidence: v.confidence } : {}),
  }));
  const bundled: TimelineEntry[] = question.proposals.map((name) => {
    const detail = proposals.get(name);
    const peek = detail ? peekVersion(detail.yaml) : {};
    return {
      key: `p:${name}`,
      status: 'proposal',
      inForce: false,
      name,
      href: `/questions/${q}/${encodeURIComponent(name)}`,
      ...(detail ? { validFrom: detail.valid_from } : {}),
      ...(peek.title ? { title: peek.title } : {}),
      ...(peek.law ? { law: peek.law } : {}),
    };
  });
  const open: TimelineEntry[] = drafts
    .filter((d) => d.question === question.id && d.status !== 'published')
    .map((d) => {
      const peek = peekVersion(d.yaml);
      return {
        key: `d:${d.id}`,
        status: d.proposal ? 'proposalDraft' : d.status,
        inForce: false,
        name: d.id,
        href: `/drafts/${encodeURIComponent(d.id)}`,
        ...peek,
        author: d.author,
      };
    });
  return [...law, ...bundled, ...open].sort(byDate);
}

/** The version in force today, if any. */
export function inForce(entries: readonly TimelineEntry[]): TimelineEntry | undefined {
  return entries.find((e) => e.inForce);
}

/** The span a set of timelines is drawn over: from 1 January of the earliest year to a year after the latest day. */
export function axisOf(days: readonly string[], today: string): { start: string; end: string } {
  const years = [...days, today].filter(Boolean).map((d) => Number(d.slice(0, 4)));
  return { start: `${Math.min(...years)}-01-01`, end: `${Math.max(...years) + 2}-01-01` };
}

/** Where a day falls on an axis, from 0 (its start) to 1 (its end). */
export function position(day: string, axis: { start: string; end: string }): number {
  const span = Date.parse(axis.end) - Date.parse(axis.start);
  return Math.min(1, Math.max(0, (Date.parse(day) - Date.parse(axis.start)) / span));
}

/** Today as `YYYY-MM-DD` in the browser's time zone (the legal day, not UTC's). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const ORDER: Record<EntryStatus, number> = {
  published: 0,
  repealed: 0,
  proposal: 1,
  proposalDraft: 2,
  submitted: 2,
  draft: 2,
  rejected: 3,
};

function byDate(a: TimelineEntry, b: TimelineEntry): number {
  const da = a.validFrom ?? '9999';
  const db = b.validFrom ?? '9999';
  if (da !== db) return da < db ? -1 : 1;
  return ORDER[a.status] - ORDER[b.status];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
