// npm run bench: json-rules-engine, compiled and hand-written evaluations per second on a fixed
// population, and a full simulate over 1,000,000 persons; ratios are measured in the same run.
// npm run bench -- --http [--workers=N] [--pg] [--cpu-prof=DIR]: the full server against a bare route instead (./http.ts);
// --pg keeps the full server's data in a throw-away PostgreSQL.
import { loadRulesDirOrThrow } from '../../src/adapters/fs/read-rules.ts';
import { CompiledLibrary } from '../../src/compile/compile.ts';
import { decideCompiled } from '../../src/compile/compiled-decide.ts';
import { type PopulationRow, simulate } from '../../src/simulate/simulate.ts';
import { type CommitCost, commitCost } from './durability.ts';
import { handCisBenefit, handPaiReferral } from './hand-written.ts';
import { benchHttp } from './http.ts';

const json = process.argv.includes('--json');
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

if (process.argv.includes('--http')) {
  const workers = option('workers');
  const cpuProf = option('cpu-prof');
  const http = await benchHttp({
    ...(workers ? { workers: Number(workers) } : {}),
    ...(cpuProf ? { cpuProf } : {}),
    pg: process.argv.includes('--pg'),
  });
  process.stdout.write(`${JSON.stringify(http)}\n`);
  process.exit(0);
}
const say = (line: string) => {
  if (!json) process.stdout.write(`${line}\n`);
};

/** A small seeded generator (mulberry32), so every run measures the same population. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function cisPerson(r: () => number): Record<string, unknown> {
  const p: Record<string, unknown> = { cis_period: r() < 0.08 ? 'trial' : 'participation' };
  if (r() < 0.3) p.unexcused_absence_days = Math.floor(r() * 6);
  if (r() < 0.25) p.sick_days = Math.floor(r() * 26);
  if (r() < 0.08) p.days_in_programme = 1 + Math.floor(r() * 30);
  return p;
}
function paiPerson(r: () => number): Record<string, unknown> {
  return {
    registered_unemployed: r() < 0.9,
    receives_social_assistance: r() < 0.7,
    pai_months_completed: [0, 2, 4, 6][Math.floor(r() * 4)],
    social_contract: r() < 0.3 ? 'active' : 'none',
    zasilek_entitled: r() < 0.15,
  };
}

const library = loadRulesDirOrThrow();
const compiled = new CompiledLibrary(library);
/** A parameter in force on a day, as a JS number (the hand-written functions take them as arguments). */
const param = (id: string, date: string) => {
  const v = library.catalogue.parameters.lookup(id, date)?.value;
  if (!v) throw new Error(`no ${id} on ${date}`);
  return v.toNumber();
};
const CIS_DATE = '2025-10-15';
const PAI_DATE = '2021-03-01';
const zasilekGrosze = Math.round(param('zasilek.first_90_days', CIS_DATE) * 100);
const cisRate = param('cis.benefit_rate_participation', CIS_DATE);
if (cisRate !== param('cis.benefit_rate_trial', CIS_DATE)) throw new Error('the hand-written cis-benefit assumes one rate');
const sickLimit = param('cis.sick_day_limit', CIS_DATE);
const edition = param('pai.edition_months', PAI_DATE);
const total = param('pai.total_months', PAI_DATE);
const QUESTIONS = {
  'cis-benefit': {
    date: CIS_DATE,
    person: cisPerson,
    hand: (f: Record<string, unknown>) => handCisBenefit(f, zasilekGrosze, cisRate, sickLimit),
  },
  'pai-referral': {
    date: PAI_DATE,
    person: paiPerson,
    hand: (f: Record<string, unknown>) => handPaiReferral(f, edition, total),
  },
} as const;

/** Where each result goes, so no evaluation can be optimised away. */
let sink: unknown;

/** Evaluations per second of a synchronous `fn` over the population, for about `ms` milliseconds. */
function rate(population: Record<string, unknown>[], ms: number, fn: (f: Record<string, unknown>) => unknown): number {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 1000; i++) sink = fn(population[n++ % population.length] as Record<string, unknown>);
    now = performance.now();
  }
  return n / ((now - start) / 1000);
}

/** The same for json-rules-engine, whose run is asynchronous. */
async function rateAsync(
  population: Record<string, unknown>[],
  ms: number,
  fn: (f: Record<string, unknown>) => Promise<unknown>,
): Promise<number> {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 100; i++) sink = await fn(population[n++ % population.length] as Record<string, unknown>);
    now = performance.now();
  }
  return n / ((now - start) / 1000);
}

const result: {
  questions: Record<
    string,
    { jre_per_s: number; compiled_per_s: number; hand_per_s: number; receipt_jre_per_s: number; receipt_compiled_per_s: number }
  >;
  simulate_1m_s: number;
  simulate_1m_peak_mb: number;
  receipts?: { full: CommitCost; normal: CommitCost };
} = {
  questions: {},
  simulate_1m_s: 0,
  simulate_1m_peak_mb: 0,
};

for (const [question, q] of Object.entries(QUESTIONS)) {
  const r = prng(42);
  const population = Array.from({ length: 10_000 }, () => q.person(r));
  const ir = library.versionOn(question, q.date);
  if (!ir || !compiled.of(ir).specialisedOn(q.date)) throw new Error(`${question} has no specialised function`);
  const fn = compiled.bind(question, q.date);
  // The hand-written function must give the same answers as the rules, or its speed means nothing.
  for (const f of population) {
    const c = fn(f);
    const h = q.hand(f);
    const same =
      JSON.stringify({ o: c.outcome, a: c.amounts, v: c.values }) === JSON.stringify({ o: h.outcome, a: h.amounts, v: h.values });
    if (!same)
      throw new Error(
        `hand-written ${question} disagrees for ${JSON.stringify(f)}: ${JSON.stringify(c)} vs ${JSON.stringify(h)}`,
      );
  }
  // A short warm-up of each, so all three are timed optimised.
  await rateAsync(population, 200, (f) => library.decide({ question, date: q.date, facts: f }));
  rate(population, 200, fn);
  rate(population, 200, q.hand);
  const jre = await rateAsync(population, 1500, (f) => library.decide({ question, date: q.date, facts: f }));
  const comp = rate(population, 1500, fn);
  const hand = rate(population, 1500, q.hand);
  // Whole answers as a receipt stores them (reasons' texts, caveats): a single decision's path vs a large batch's.
  const ask = (f: Record<string, unknown>) => ({ question, date: q.date, facts: f });
  for (const f of population.slice(0, 2000)) {
    const a = JSON.stringify(await library.decide(ask(f)));
    const b = JSON.stringify(decideCompiled(library, compiled, ask(f)));
    if (a !== b) throw new Error(`decideCompiled ${question} disagrees for ${JSON.stringify(f)}: ${b} vs ${a}`);
  }
  rate(population, 200, (f) => decideCompiled(library, compiled, ask(f)));
  const whole = await rateAsync(population, 1500, (f) => library.decide(ask(f)));
  const wholeCompiled = rate(population, 1500, (f) => decideCompiled(library, compiled, ask(f)));
  result.questions[question] = {
    jre_per_s: Math.round(jre),
    compiled_per_s: Math.round(comp),
    hand_per_s: Math.round(hand),
    receipt_jre_per_s: Math.round(whole),
    receipt_compiled_per_s: Math.round(wholeCompiled),
  };
  say(`${question}: json-rules-engine ${Math.round(jre)}/s, compiled ${Math.round(comp)}/s, hand-written ${Math.round(hand)}/s`);
  say(`  compiled ÷ json-rules-engine = ${(comp / jre).toFixed(1)}   compiled ÷ hand-written = ${(comp / hand).toFixed(3)}`);
  say(
    `  whole answers for receipts (texts, caveats): Library.decide ${Math.round(whole)}/s, decideCompiled (large batches) ${Math.round(wholeCompiled)}/s; ratio ${(wholeCompiled / whole).toFixed(1)}`,
  );
}
void sink;

// A full simulate over 1,000,000 persons, baseline and proposal, summary included, streaming.
function* million(): Generator<PopulationRow> {
  const r = prng(7);
  for (let i = 0; i < 1_000_000; i++) yield { line: i + 2, facts: cisPerson(r) };
}
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);
const start = performance.now();
const sim = await simulate({
  library,
  compiled,
  question: 'cis-benefit',
  date: '2025-10-15',
  proposal: 'flexible-absence',
  rows: million(),
});
result.simulate_1m_s = Number(((performance.now() - start) / 1000).toFixed(2));
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
result.simulate_1m_peak_mb = Math.round(peak / 1024 / 1024);
say(
  `simulate cis-benefit, 1,000,000 persons, law vs flexible-absence: ${result.simulate_1m_s} s, peak ${result.simulate_1m_peak_mb} MB, ${sim.changed} answers change`,
);

// What synced commits cost: the server stores each receipt in its own commit, synced to disk under FULL.
await commitCost('NORMAL', 200);
const full = await commitCost('FULL', 2000);
const normal = await commitCost('NORMAL', 2000);
result.receipts = { full, normal };
say(
  `receipts, one commit each: synchronous=FULL ${full.per_s}/s (p50 ${full.p50_ms} ms, p99 ${full.p99_ms} ms), NORMAL ${normal.per_s}/s (p50 ${normal.p50_ms} ms, p99 ${normal.p99_ms} ms); FULL ÷ NORMAL = ${(full.per_s / normal.per_s).toFixed(2)}`,
);
process.stdout.write(`${JSON.stringify(result)}\n`);
