import { describe, expect, it } from 'vitest';
import { loadRulesDirOrThrow } from '../adapters/fs/read-rules.ts';
import { smallestChanges } from './smallest-changes.ts';
import { whatWouldChange } from './what-would-change.ts';

const library = loadRulesDirOrThrow();
const PERSON_2015 = {
  registered_unemployed: true,
  receives_social_assistance: false,
  help_profile: 'II',
  pai_months_completed: 0,
};

describe('what would change the answer, beyond one fact', () => {
  it('finds the two-fact change for PAI in 2015 without social assistance and with profile II', async () => {
    const req = { question: 'pai-referral', date: '2015-03-01', facts: PERSON_2015 };
    // One fact at a time changes nothing: two conditions fail.
    expect(await whatWouldChange(library, req)).toEqual([]);
    const r = await smallestChanges(library, req);
    expect(r.unchangeable).toBe(false);
    const two = r.combinations.find((c) => c.changes.length === 2 && c.outcome === 'eligible');
    expect(two?.changes).toEqual([
      { fact: 'receives_social_assistance', from: false, to: true },
      { fact: 'help_profile', from: 'II', to: 'III' },
    ]);
    expect(two?.articles).toContain('UPZ art. 62a ust. 2');
    expect(two?.text.pl).toBe(
      'Gdyby zmienić: Korzysta ze świadczeń pomocy społecznej: tak (zamiast: nie); Profil pomocy: profil III (zamiast: profil II), odpowiedź brzmiałaby: spełnia warunki.',
    );
    expect(two?.text.en).toContain('the answer would be: eligible');
    // Ranked by size, and no set holds a smaller set that already changes the answer.
    const sizes = r.combinations.map((c) => c.changes.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    for (const c of r.combinations) {
      const facts = c.changes.map((x) => x.fact);
      const smaller = r.combinations.filter((d) => d.changes.length < facts.length);
      expect(smaller.some((d) => d.changes.every((x) => facts.includes(x.fact)))).toBe(false);
    }
    // Each change is a real answer of the rules.
    const again = await library.decide({
      ...req,
      facts: { ...PERSON_2015, receives_social_assistance: true, help_profile: 'III' },
    });
    expect(again.outcome).toBe('eligible');
  });

  it('says plainly that no change of facts changes the answer before the law', async () => {
    const r = await smallestChanges(library, { question: 'pai-referral', date: '2010-01-01', facts: PERSON_2015 });
    expect(r).toMatchObject({ combinations: [], unchangeable: true });
    expect(r.note?.pl).toBe('Na dzień 01.01.2010 przepisy nie obowiązują, więc żadna zmiana faktów nie zmieni odpowiedzi.');
  });
});
