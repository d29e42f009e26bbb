// npm run bench: json-rules-engine, compiled and hand-written evaluations per second on a fixed
// population, and a full simulate over 1,000,000 persons; ratios are measured in the same run.
import { loadRulesDirOrThrow } from '../../src/adapters/fs/read-rules.ts';
import { CompiledLibrary } from '../../src/compile/compile.ts';
import { type PopulationRow, simulate } from '../../src/simulate/simulate.ts';
import { handCisBenefit, handPaiReferral } from './hand-written.ts';

const json = process.argv.includes('--json');
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
const QUESTIONS = {
  'cis-benefit': {
    date: '2025-10-15',
    person: cisPerson,
    hand: (f: Record<string, unknown>) => handCisBenefit(f, 172190, 120, 21),
  },
  'pai-referral': { date: '2021-03-01', person: paiPerson, hand: handPaiReferral },
} as const;

/** Evaluations per second of `fn` over the population, for about `ms` milliseconds. */
async function rate(
  population: Record<string, unknown>[],
  ms: number,
  fn: (f: Record<string, unknown>) => unknown,
): Promise<number> {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (let i = 0; i < 100; i++) await fn(population[n++ % population.length] as Record<string, unknown>);
  }
  return n / ((performance.now() - start) / 1000);
}

const result: {
  questions: Record<string, { jre_per_s: number; compiled_per_s: number; hand_per_s: number }>;
  simulate_1m_s: number;
  simulate_1m_peak_mb: number;
} = {
  questions: {},
  simulate_1m_s: 0,
  simulate_1m_peak_mb: 0,
};

for (const [question, q] of Object.entries(QUESTIONS)) {
  const r = prng(42);
  const population = Array.from({ length: 10_000 }, () => q.person(r));
  // The hand-written function must agree with the rules, or its speed means nothing.
  for (const f of population.slice(0, 2000)) {
    const c = compiled.decide(question, q.date, f);
    const h = q.hand(f) as { outcome: string; benefit?: number };
    if (c.outcome !== h.outcome || (h.benefit !== undefined && c.amounts.benefit !== h.benefit)) {
      throw new Error(
        `hand-written ${question} disagrees for ${JSON.stringify(f)}: ${JSON.stringify(c)} vs ${JSON.stringify(h)}`,
      );
    }
  }
  const jre = await rate(population, 1500, (f) => library.decide({ question, date: q.date, facts: f }));
  const comp = await rate(population, 1500, (f) => compiled.decide(question, q.date, f));
  const hand = await rate(population, 1500, q.hand);
  result.questions[question] = { jre_per_s: Math.round(jre), compiled_per_s: Math.round(comp), hand_per_s: Math.round(hand) };
  say(`${question}: json-rules-engine ${Math.round(jre)}/s, compiled ${Math.round(comp)}/s, hand-written ${Math.round(hand)}/s`);
  say(`  compiled ÷ json-rules-engine = ${(comp / jre).toFixed(1)}   compiled ÷ hand-written = ${(comp / hand).toFixed(3)}`);
}

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
process.stdout.write(`${JSON.stringify(result)}\n`);
