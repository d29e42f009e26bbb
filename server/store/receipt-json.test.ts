import { describe, expect, it } from 'vitest';
import { receiptJson, toReceipt } from './decisions.ts';

describe('receiptJson', () => {
  it('writes the same receipt toReceipt gives, from the stored texts', () => {
    const row = {
      id: 'r-1',
      question: 'pai-referral',
      date: '2014-09-15',
      facts: '{"registered_unemployed":true,"note":"\\"quoted\\" ż"}',
      answer: '{"outcome":"eligible","amounts":{},"values":{"months_left":4}}',
      outcome: 'eligible',
      rulesetVersion: '2014-05-27',
      rulesetHash: null,
      engineVersion: 'reintegra/0.1.0',
      askedBy: 'token:x',
      caseRefHmac: null,
      office: 'PUP Kraków',
      replayOf: 'r-0',
      knownOn: '2014-09-20',
      jobId: null,
      createdAt: '2025-10-15T10:00:00.000Z',
    };
    expect(JSON.parse(receiptJson(row))).toEqual(toReceipt(row));
  });
});
