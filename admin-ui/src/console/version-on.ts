import type { Schemas } from '../shared/api/client.ts';
import type { LocalText } from './local-text.ts';

/** One version of a question, as GET /api/v1/questions lists it. */
export type VersionSummary = Schemas['QuestionSummary']['versions'][number];

/** The version in force on `date`: the latest one whose `validFrom` is not after it; undefined before the first. */
export function versionOn(versions: readonly VersionSummary[], date: string): VersionSummary | undefined {
  let found: VersionSummary | undefined;
  // ISO days compare as strings.
  for (const v of versions) if (v.validFrom <= date && (!found || v.validFrom > found.validFrom)) found = v;
  return found;
}

/** The earliest version of a question, for "the law starts on …". */
export function firstVersion(versions: readonly VersionSummary[]): VersionSummary | undefined {
  return [...versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom))[0];
}

/** What the console reads of a version's parsed YAML (VersionDetail.document). */
export interface VersionInfo {
  /** The facts the version reads, in the order the rule set lists them. */
  facts: string[];
  title: LocalText | undefined;
  act: string | undefined;
  dzU: string | undefined;
  repealed: boolean;
  /** Why the law no longer applies, for a version that repeals it. */
  repealedText: LocalText | undefined;
  /** The question that took the repealed one's place. */
  successor: string | undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const localText = (v: unknown): LocalText | undefined =>
  isRecord(v) && typeof v.pl === 'string' && typeof v.en === 'string' ? { pl: v.pl, en: v.en } : undefined;

/** Reads the fields the console needs from a version's document, which the API types only as an object. */
export function readVersionDocument(doc: Record<string, unknown>): VersionInfo {
  const law = isRecord(doc.law) ? doc.law : {};
  const repealedBy = isRecord(doc.repealed_by) ? doc.repealed_by : {};
  return {
    facts: Array.isArray(doc.facts) ? doc.facts.filter((f): f is string => typeof f === 'string') : [],
    title: localText(doc.title),
    act: str(law.act) ?? str(repealedBy.act),
    dzU: str(law.dz_u) ?? str(repealedBy.dz_u),
    repealed: doc.repealed === true,
    repealedText: localText(repealedBy.text),
    successor: str(doc.successor),
  };
}
