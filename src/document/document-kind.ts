/** A decision (decyzja administracyjna, with an appeal clause) or an information letter (pismo informacyjne, without one). */
export type DocumentKind = 'decision' | 'information';

/**
 * Which questions the law settles by an administrative decision about a party (KPA art. 104), and which only inform:
 * the one table of it, each row with its reason (law.md). A question not listed informs: no appeal clause is ever
 * printed where none was meant.
 */
export const DOCUMENT_KINDS: Readonly<Record<string, { kind: DocumentKind; why: string }>> = {
  'pai-referral': {
    kind: 'decision',
    why: 'The starosta decides whether an unemployed person is referred to PAI (UPZ art. 62a ust. 2): a right of the party.',
  },
  'pai-plan': {
    kind: 'information',
    why: 'Checks an edition’s programme against the statutory minimums (UPZ art. 62a): no party, no right decided.',
  },
  'pai-after': {
    kind: 'information',
    why: 'Lists the options the office has after an edition (UPZ art. 62b ust. 2); choosing one stays with people.',
  },
  'help-during-programme': {
    kind: 'decision',
    why: 'Grants or refuses a form of help to a participant (UPZ art. 62b ust. 3, URP art. 200 ust. 5).',
  },
  'reintegration-referral': {
    kind: 'decision',
    why: 'Refers a long-term unemployed person to art. 200 reintegration with a stipend (URP art. 200, 236): a benefit granted.',
  },
  'psu-referral': {
    kind: 'decision',
    why: 'Refers a person to socially useful work (UPZ art. 73a, URP art. 142), which bears on their status and benefit.',
  },
  'psu-benefit': {
    kind: 'information',
    why: 'The minimum hourly benefit and the Labour Fund refund cap between gmina and PUP: amounts of an agreement, not a party’s right.',
  },
  'cis-admission': {
    kind: 'decision',
    why: 'Admission to a CIS is the head’s decision on the person (UZS art. 12; contract.md: "day of the admission decision").',
  },
  'cis-benefit': {
    kind: 'decision',
    why: 'The świadczenie integracyjne due to a participant for a month (UZS art. 15 ust. 4–7): a benefit granted or refused.',
  },
  'cis-extension': {
    kind: 'decision',
    why: 'Extends a person’s participation (UZS art. 15 ust. 3; contract.md: "day of the extension decision").',
  },
  'cis-premia': {
    kind: 'information',
    why: 'The cap of an incentive bonus (UZS art. 15a); whether to pay it is the CIS head’s discretion, not settled here.',
  },
  'cis-graduate': {
    kind: 'information',
    why: 'States whether a status holds on a day (UZS art. 2 pkt 1a): a statement of fact, not a decision.',
  },
  'kis-admission': {
    kind: 'information',
    why: 'A KIS is run by a gmina or an NGO under a social contract (UZS art. 18), without an administrative decision.',
  },
  'supported-employment-referral': {
    kind: 'decision',
    why: 'The PUP refers a participant to supported employment (UZS art. 16 ust. 1): a decision on the person.',
  },
  'supported-employment-refund': {
    kind: 'information',
    why: 'The cap on an employer’s monthly refund (UZS art. 16 ust. 2) informs the employer’s agreement; it decides no party’s right.',
  },
  'social-cooperative-founding': {
    kind: 'information',
    why: 'Whether founders meet USS art. 4–5a is checked by the registry court (KRS), not decided by this office.',
  },
  'unemployment-benefit': {
    kind: 'decision',
    why: 'The starosta grants the zasiłek dla bezrobotnych by a decision (UPZ art. 72, URP art. 224).',
  },
};

/** Whether a question's document is a decision or an information letter; an outcome that is no ruling (the law not in force) informs. */
export function documentKind(question: string, outcome: string): DocumentKind {
  if (outcome === 'not_in_force' || outcome === 'undetermined') return 'information';
  return DOCUMENT_KINDS[question]?.kind ?? 'information';
}
