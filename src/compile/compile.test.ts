import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRulesDirOrThrow } from '../adapters/fs/read-rules.ts';
import { addDays } from '../dates/iso-date.ts';
import { missingFacts } from '../decide/decide.ts';
import type { FactDefinition } from '../schema/facts.ts';
import { CompiledLibrary } from './compile.ts';
import { decideCompiled } from './compiled-decide.ts';
import { BAIL } from './scaled-runtime.ts';

const library = loadRulesDirOrThrow();
const compiled = new CompiledLibrary(library);

/** A random but valid value of one fact, from its catalogue definition. */
function arbitraryValue(def: FactDefinition): fc.Arbitrary<unknown> {
  switch (def.type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: def.min ?? 0, max: def.max ?? 40 });
    case 'number':
      return fc.integer({ min: (def.min ?? 0) * 100, max: (def.max ?? 40) * 100 }).map((x) => x / 100);
    case 'enum':
      return fc.constantFrom(...(def.values ?? []));
    case 'list':
      return fc.subarray(def.values ?? []);
    case 'date':
      return fc.integer({ min: 0, max: 365 * 12 }).map((d) => addDays('2014-01-01', d));
    case 'records':
      return fc.array(fc.record({ kind: fc.constantFrom('natural', 'legal'), at_risk: fc.boolean() }), { maxLength: 7 });
  }
}

/** Facts for a question: usually all it reads (so rules run), sometimes some left out (so `undetermined` is compared too). */
function arbitraryFacts(question: string): fc.Arbitrary<Record<string, unknown>> {
  const names = [...new Set(library.versions(question).flatMap((v) => v.facts))];
  const model = Object.fromEntries(names.map((n) => [n, arbitraryValue(library.catalogue.facts.get(n) as FactDefinition)]));
  return fc.oneof({ weight: 9, arbitrary: fc.record(model) }, { weight: 1, arbitrary: fc.record(model, { requiredKeys: [] }) });
}

/** Days on both sides of every version boundary, and days anywhere from 2003 to 2027. */
function arbitraryDate(question: string): fc.Arbitrary<string> {
  const edges = library.versions(question).flatMap((v) => [addDays(v.validFrom, -1), v.validFrom]);
  return fc.oneof(
    fc.constantFrom(...edges),
    fc.integer({ min: 0, max: 365 * 25 }).map((d) => addDays('2003-01-01', d)),
  );
}

describe('compiled rule sets give the same answers as json-rules-engine', () => {
  it.each(library.questionIds())('%s: outcome, amounts, values, missing facts and reasons agree', async (question) => {
    await fc.assert(
      fc.asyncProperty(arbitraryDate(question), arbitraryFacts(question), async (date, facts) => {
        let reference: Awaited<ReturnType<typeof library.decide>>;
        try {
          reference = await library.decide({ question, date, facts });
        } catch {
          return; // The engine refused (e.g. no parameter value on that day): nothing to compare.
        }
        const fast = compiled.decide(question, date, facts);
        if (fast.missing.length > 0) {
          // Facts left out: the compiled function (for whole populations) does not settle three-valued as decide does;
          // it answers undetermined naming every missing fact, of which decide's are a part when it cannot settle.
          expect(fast.outcome).toBe('undetermined');
          for (const f of reference.missing) expect(fast.missing).toContain(f);
          return;
        }
        expect(fast.outcome).toBe(reference.outcome);
        expect(fast.amounts).toEqual(reference.amounts);
        expect(fast.values).toEqual(reference.values);
        expect(fast.missing).toEqual(reference.missing);
        expect(fast.rules.map((r) => `${question}.${r}`)).toEqual(reference.reasons.map((r) => r.rule));
      }),
      { numRuns: 150 },
    );
  });

  it('evaluates proposals the same way', async () => {
    const proposals = library.questions().flatMap((q) => q.proposals.map((p) => [q.id, p] as const));
    for (const [question, name] of proposals) {
      await fc.assert(
        fc.asyncProperty(arbitraryDate(question), arbitraryFacts(question), async (date, facts) => {
          const reference = await library.decide({ question, date, facts, version: name }).catch(() => undefined);
          if (!reference) return;
          const fast = compiled.decide(question, date, facts, name);
          if (fast.missing.length > 0) {
            expect(fast.outcome).toBe('undetermined');
            for (const f of reference.missing) expect(fast.missing).toContain(f);
            return;
          }
          expect({ outcome: fast.outcome, amounts: fast.amounts, values: fast.values }).toEqual({
            outcome: reference.outcome,
            amounts: reference.amounts,
            values: reference.values,
          });
        }),
        { numRuns: 150 },
      );
    }
  });
});

describe('decideCompiled gives the whole answer of json-rules-engine', () => {
  // Byte for byte as stored in a receipt: texts of reasons, met, caveats, version and hash, in the same order.
  const same = async (request: { question: string; date: string; facts: Record<string, unknown>; version?: string }) => {
    const reference = await library.decide(request).then(
      (a) => JSON.stringify(a),
      (e: { code?: string }) => `error ${e.code}`,
    );
    let fast: string;
    try {
      const answer = decideCompiled(library, compiled, request);
      if (answer === undefined) {
        // It hands back only requests that leave out facts (settled by decide): batches then ask decide.
        const ir = request.version
          ? library.version(request.question, request.version)
          : library.versionOn(request.question, request.date);
        expect(ir && missingFacts(ir, request.facts).length).toBeGreaterThan(0);
        return;
      }
      fast = JSON.stringify(answer);
    } catch (e) {
      fast = `error ${(e as { code?: string }).code}`;
    }
    expect(fast).toBe(reference);
  };

  it.each(library.questionIds())('%s: reasons with their texts, caveats and version agree', async (question) => {
    await fc.assert(
      fc.asyncProperty(arbitraryDate(question), arbitraryFacts(question), (date, facts) => same({ question, date, facts })),
      { numRuns: 150 },
    );
  });

  it('answers proposals the same way', async () => {
    const proposals = library.questions().flatMap((q) => q.proposals.map((p) => [q.id, p] as const));
    expect(proposals.length).toBeGreaterThan(0);
    for (const [question, version] of proposals) {
      await fc.assert(
        fc.asyncProperty(arbitraryDate(question), arbitraryFacts(question), (date, facts) =>
          same({ question, date, facts, version }),
        ),
        { numRuns: 100 },
      );
    }
  });
});

describe('the number-specialised functions', () => {
  const specialised = new Set(['cis-benefit', 'pai-referral']);

  it('exist for every version and proposal of the benchmark questions', () => {
    for (const question of specialised) {
      const names = [
        ...library.versions(question).map((v) => v.name),
        ...(library.questions().find((q) => q.id === question)?.proposals ?? []),
      ];
      for (const name of names) {
        const v = compiled.of(library.version(question, name) as NonNullable<ReturnType<typeof library.version>>);
        expect(v.unspecialised, `${question} ${name}`).toBeUndefined();
      }
    }
  });

  it.each(library.questionIds())('%s: answer as json-rules-engine wherever they do not bail out', async (question) => {
    let answered = 0;
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryDate(question), arbitraryFacts(question), async (date, facts) => {
        const ir = library.versionOn(question, date);
        const fast = ir && !ir.repealed ? compiled.of(ir).specialisedOn(date) : undefined;
        if (!fast) return;
        const reference = await library.decide({ question, date, facts }).catch(() => undefined);
        if (!reference) return;
        tried++;
        let answer: ReturnType<typeof fast>;
        try {
          answer = fast(facts);
        } catch (e) {
          if (e === BAIL) return;
          throw e;
        }
        answered++;
        expect({ outcome: answer.outcome, amounts: answer.amounts, values: answer.values }).toEqual({
          outcome: reference.outcome,
          amounts: reference.amounts,
          values: reference.values,
        });
        expect(answer.rules.map((r) => `${question}.${r}`)).toEqual(reference.reasons.map((r) => r.rule));
      }),
      { numRuns: 150 },
    );
    // Facts left out go to the general path on purpose; everything else should be answered here.
    if (tried > 20) expect(answered / tried).toBeGreaterThan(0.6);
  });

  it('bail out on an overflow, and the general function answers exactly', async () => {
    const { loadLibrary } = await import('../load/load-library.ts');
    const { readFileSync } = await import('node:fs');
    const read = (f: string) => ({
      path: `rules/${f}`,
      text: readFileSync(new URL(`../../rules/${f}`, import.meta.url), 'utf8'),
    });
    const doc = `
question: pai-plan
valid_from: 2014-05-27
title: { pl: T, en: T }
law: { act: Test, dz_u: Dz.U. 2014 poz. 598, basis: UPZ art. 62a }
facts: [qualifying_years]
default_outcome: compliant
results:
  compliant:
    values: { cube: qualifying_years * qualifying_years * qualifying_years }
rules:
  - id: always
    basis: UPZ art. 62a ust. 3
    text: { pl: T, en: T }
`;
    const { library: lib } = loadLibrary([
      ...['facts.yaml', 'questions.yaml', 'outcomes.yaml'].map(read),
      { path: 'rules/pai-plan/2014-05-27.yaml', text: doc },
    ]);
    const ir = lib?.version('pai-plan', '2014-05-27');
    if (!lib || !ir) throw new Error('the test rule set did not load');
    const version = new CompiledLibrary(lib).of(ir);
    const small = { qualifying_years: 1.5 };
    const huge = { qualifying_years: 100_000.01 }; // (10^7 + 1)^3 in hundredths overflows 2^53
    const fast = version.specialisedOn('2016-01-01');
    expect(fast?.(small).values.cube).toBe(3.375);
    let thrown: unknown;
    try {
      fast?.(huge);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBe(BAIL);
    const reference = await lib.decide({ question: 'pai-plan', date: '2016-01-01', facts: huge });
    expect(version.on('2016-01-01')(huge).values).toEqual(reference.values);
    expect(reference.values.cube).toBe(Number('1000000300000030.000001'));
  });
});

describe('generated code', () => {
  it('keeps a hostile text from a rule file a text, never code', async () => {
    const { loadLibrary } = await import('../load/load-library.ts');
    const { readFileSync } = await import('node:fs');
    const read = (f: string) => ({
      path: `rules/${f}`,
      text: readFileSync(new URL(`../../rules/${f}`, import.meta.url), 'utf8'),
    });
    const hostile = `"); globalThis.pwned = true; ("`;
    const doc = `
question: pai-plan
valid_from: 2014-05-27
title: { pl: T, en: T }
law: { act: Test, dz_u: Dz.U. 2014 poz. 598, basis: UPZ art. 62a }
facts: [labour_council_opinion]
default_outcome: compliant
results:
  compliant:
    values: { note: '${`'${hostile}'`.replaceAll("'", "''")}' }
rules:
  - id: opinion
    basis: UPZ art. 62a ust. 3
    when: labour_council_opinion
    else: non_compliant
    text: { pl: T, en: T }
    text_else: { pl: T, en: T }
`;
    const { library, problems } = loadLibrary([
      ...['facts.yaml', 'questions.yaml', 'outcomes.yaml'].map(read),
      { path: 'rules/pai-plan/2014-05-27.yaml', text: doc },
    ]);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const lib = new CompiledLibrary(library as NonNullable<typeof library>);
    const answer = lib.decide('pai-plan', '2016-01-01', { labour_council_opinion: true });
    expect(answer.values.note).toBe(hostile);
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });
});
