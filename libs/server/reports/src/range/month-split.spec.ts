import { splitByMonth } from './month-split';

describe('splitByMonth', () => {
  it('reads whole months from the cells', () => {
    expect(splitByMonth({ from: '2025-01-01', to: '2025-12-31' })).toEqual({
      months: { from: '2025-01-01', toExclusive: '2026-01-01' },
      edges: [],
    });
    expect(splitByMonth({ from: '2024-02-01', to: '2024-02-29' })).toEqual({
      months: { from: '2024-02-01', toExclusive: '2024-03-01' },
      edges: [],
    });
  });

  it('reads part-months at either end from the facts', () => {
    expect(splitByMonth({ from: '2025-01-15', to: '2025-04-10' })).toEqual({
      months: { from: '2025-02-01', toExclusive: '2025-04-01' },
      edges: [
        { from: '2025-01-15', to: '2025-01-31' },
        { from: '2025-04-01', to: '2025-04-10' },
      ],
    });
    expect(splitByMonth({ from: '2025-12-02', to: '2026-01-31' })).toEqual({
      months: { from: '2026-01-01', toExclusive: '2026-02-01' },
      edges: [{ from: '2025-12-02', to: '2025-12-31' }],
    });
  });

  it('reads a range inside one month, or across two part-months, from the facts alone', () => {
    expect(splitByMonth({ from: '2025-03-05', to: '2025-03-20' })).toEqual({
      months: null,
      edges: [{ from: '2025-03-05', to: '2025-03-20' }],
    });
    expect(splitByMonth({ from: '2025-03-05', to: '2025-04-20' })).toEqual({
      months: null,
      edges: [{ from: '2025-03-05', to: '2025-04-20' }],
    });
  });
});
