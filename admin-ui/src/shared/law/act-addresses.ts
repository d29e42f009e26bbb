import type { Schemas } from '../api/client.ts';

/** One act of the catalogue (rules/acts.yaml): its title, Dz.U. citation, ELI and ISAP addresses. */
export type Act = Schemas['Act'];

/** Where an act can be read: its ELI and ISAP addresses, and a name for the links. */
export interface ActAddresses {
  citation: string;
  eli: string;
  isap: string;
  title?: { pl: string; en: string };
}

const CITATION = /\b(Dz\.U\.|M\.P\.) (\d{4})(?: nr (\d+))? poz\. (\d+)/;

/** The ELI and ISAP addresses of a Dz.U. or M.P. citation (ISAP: W + DU/MP + year + 3-digit nr + 4-digit position). */
export function citationAddresses(text: string): ActAddresses | undefined {
  const m = CITATION.exec(text);
  if (!m) return undefined;
  const [citation, journal, year, nr, poz] = m as unknown as [string, string, string, string | undefined, string];
  const code = journal === 'Dz.U.' ? 'DU' : 'MP';
  return {
    citation,
    eli: `https://eli.gov.pl/eli/${code}/${year}/${poz}/ogl`,
    isap: `https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=W${code}${year}${String(Number(nr ?? 0)).padStart(3, '0')}${poz.padStart(4, '0')}`,
  };
}

/**
 * The act a basis cites and where to read it: a Dz.U. / M.P. citation in the text first (an amending act, a
 * regulation), else the act named by the basis's abbreviation (`UZS art. 15 ust. 4` → UZS) from the catalogue.
 */
export function actAddresses(basis: string, acts: Readonly<Record<string, Act>> | undefined): ActAddresses | undefined {
  const cited = citationAddresses(basis);
  const byCitation = cited && Object.values(acts ?? {}).find((a) => a.dz_u === cited.citation);
  if (cited) return { ...cited, ...(byCitation ? pick(byCitation) : {}) };
  const abbreviation = /^([A-Z]{2,6})\b/.exec(basis)?.[1];
  const act = abbreviation ? acts?.[abbreviation] : undefined;
  if (!act) return undefined;
  const own = citationAddresses(act.dz_u);
  const eli = act.eli ?? own?.eli;
  const isap = act.isap ?? own?.isap;
  return eli && isap ? { citation: act.dz_u, eli, isap, title: act.title } : undefined;
}

function pick(act: Act): Partial<ActAddresses> {
  return { title: act.title, ...(act.eli ? { eli: act.eli } : {}), ...(act.isap ? { isap: act.isap } : {}) };
}
