import { keywordPattern, matchRules, type KeywordRule } from './rule-matcher';

const RULES: KeywordRule[] = [
  { keyword: 'terminal', topic: null, priority: 'urgent' },
  { keyword: 'cancelled surgery', topic: 'treatment_waiting_time', priority: 'high' },
  { keyword: 'waiting weeks', topic: 'treatment_waiting_time', priority: 'high' },
  { keyword: 'biopsy', topic: 'diagnosis_delay', priority: null },
  { keyword: 'drug', topic: 'access_to_medicines', priority: 'low' },
];

describe('matchRules', () => {
  it('suggests topics once each and the highest priority', () => {
    const result = matchRules(
      'My dad is terminal. His cancelled surgery and the biopsy... still waiting  weeks.',
      RULES,
    );
    expect(result.topics).toEqual(['treatment_waiting_time', 'diagnosis_delay']);
    expect(result.priority).toBe('urgent');
    expect(result.matched.map((r) => r.keyword)).toEqual(['terminal', 'cancelled surgery', 'waiting weeks', 'biopsy']);
  });

  it('answers normal priority and no topics when nothing matches', () => {
    expect(matchRules('Hello, a question about volunteering', RULES)).toEqual({
      topics: [],
      priority: 'normal',
      matched: [],
    });
  });

  it('never lowers the priority below normal', () => {
    expect(matchRules('a new drug', RULES).priority).toBe('normal');
  });

  it('matches whole words only, case-insensitively', () => {
    expect(keywordPattern('drug').test('DRUG trial')).toBe(true);
    expect(keywordPattern('drug').test('drugstore')).toBe(false);
    expect(keywordPattern('terminal').test('the bus terminals')).toBe(false);
    expect(keywordPattern('cancelled surgery').test('cancelled\nsurgery')).toBe(true);
  });

  it('treats regex characters in keywords literally', () => {
    expect(keywordPattern('a+b (c)').test('x a+b (c) y')).toBe(true);
    expect(keywordPattern('a.b').test('axb')).toBe(false);
  });
});
