import { EXACT_COUNT_CAP, resolveTotal } from './case-list.service';

describe('resolveTotal', () => {
  const never = async () => {
    throw new Error('should not count');
  };

  it('knows the total from a page that is not full, without counting', async () => {
    expect(await resolveTotal(0, 25, 7, 123_456, never)).toEqual({ total: 7, estimated: false });
    expect(await resolveTotal(50, 25, 3, 5, never)).toEqual({ total: 53, estimated: false });
    expect(await resolveTotal(0, 25, 0, 9, never)).toEqual({ total: 0, estimated: false });
  });

  it('answers the estimate for a full page when the planner expects more than the cap', async () => {
    expect(await resolveTotal(0, 25, 25, 1_000_000, never)).toEqual({ total: 1_000_000, estimated: true });
    expect(await resolveTotal(500_000, 25, 25, 400_000, never)).toEqual({ total: 500_025, estimated: true });
  });

  it('counts when the planner expects few, exactly up to the cap', async () => {
    expect(await resolveTotal(0, 25, 25, 40, async () => 262)).toEqual({ total: 262, estimated: false });
    expect(await resolveTotal(0, 25, 25, 40, async () => EXACT_COUNT_CAP + 1)).toEqual({
      total: EXACT_COUNT_CAP + 1,
      estimated: true,
    });
  });

  it('counts a page past the end to learn the total', async () => {
    expect(await resolveTotal(100, 25, 0, 10, async () => 42)).toEqual({ total: 42, estimated: false });
  });
});
