import { BadRequestException, ConflictException } from '@nestjs/common';
import { CASE_STATUSES, CASE_TRANSITIONS, allowedTransitions, type CaseStatus } from '@campaign-desk/contracts';
import { planTransition } from './case-workflow';

const ID = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const at = (status: CaseStatus, heldFromStatus: CaseStatus | null = null) => ({ id: ID, status, heldFromStatus });

function thrown(fn: () => unknown): { status: number; body: Record<string, unknown> } {
  try {
    fn();
  } catch (e) {
    const error = e as ConflictException;
    return { status: error.getStatus(), body: error.getResponse() as Record<string, unknown> };
  }
  throw new Error('expected an exception');
}

describe('case workflow', () => {
  it('moves forward along the main line', () => {
    const line: CaseStatus[] = ['new', 'triaged', 'in_progress', 'awaiting_mp', 'mp_responded', 'follow_up'];
    for (let i = 0; i < line.length - 1; i++) {
      expect(planTransition(at(line[i]), { to: line[i + 1] })).toMatchObject({
        from: line[i],
        to: line[i + 1],
        outcome: null,
      });
    }
  });

  it('refuses every move the table does not list with 409 and the allowed list', () => {
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        const allowed = allowedTransitions(from, from === 'on_hold' ? 'in_progress' : null);
        if (allowed.includes(to)) continue;
        const { status, body } = thrown(() =>
          planTransition(at(from, from === 'on_hold' ? 'in_progress' : null), { to, outcome: 'resolved' }),
        );
        expect(status).toBe(409);
        expect(body).toMatchObject({ from, to, allowed });
      }
    }
  });

  it('puts any open case on hold, and returns it only to where it was', () => {
    for (const from of CASE_STATUSES.filter((s) => s !== 'on_hold' && s !== 'closed')) {
      expect(CASE_TRANSITIONS[from]).toContain('on_hold');
      expect(planTransition(at(from), { to: 'on_hold' }).to).toBe('on_hold');
    }
    expect(planTransition(at('on_hold', 'awaiting_mp'), { to: 'awaiting_mp' }).to).toBe('awaiting_mp');
    expect(thrown(() => planTransition(at('on_hold', 'awaiting_mp'), { to: 'in_progress' })).body.allowed).toEqual([
      'awaiting_mp',
      'closed',
    ]);
    expect(thrown(() => planTransition(at('closed'), { to: 'on_hold' })).status).toBe(409);
  });

  it('needs an outcome to close, naming the field', () => {
    const { status, body } = thrown(() => planTransition(at('follow_up'), { to: 'closed' }));
    expect(status).toBe(400);
    expect(body.fields).toEqual({ outcome: expect.stringContaining('required') });
    expect(planTransition(at('follow_up'), { to: 'closed', outcome: 'resolved' })).toMatchObject({
      to: 'closed',
      outcome: 'resolved',
      duplicateOfId: null,
    });
  });

  it('needs the original case for a duplicate, and not itself', () => {
    expect(thrown(() => planTransition(at('new'), { to: 'closed', outcome: 'duplicate' })).body.fields).toEqual({
      duplicateOfId: expect.any(String),
    });
    expect(
      thrown(() => planTransition(at('new'), { to: 'closed', outcome: 'duplicate', duplicateOfId: ID })).body.fields,
    ).toEqual({ duplicateOfId: 'cannot be the case itself' });
    expect(
      thrown(() => planTransition(at('new'), { to: 'closed', outcome: 'resolved', duplicateOfId: OTHER })).status,
    ).toBe(400);
    expect(
      planTransition(at('new'), { to: 'closed', outcome: 'duplicate', duplicateOfId: OTHER.toUpperCase() }),
    ).toMatchObject({ duplicateOfId: OTHER });
  });

  it('refuses an outcome on any move but closing', () => {
    const error = thrown(() => planTransition(at('new'), { to: 'triaged', outcome: 'resolved' }));
    expect(error.status).toBe(400);
    expect(error.body.fields).toHaveProperty('outcome');
  });

  it('reopens a closed case to in progress', () => {
    expect(planTransition(at('closed'), { to: 'in_progress' })).toMatchObject({ reopening: true, to: 'in_progress' });
    expect(thrown(() => planTransition(at('closed'), { to: 'new' })).body.allowed).toEqual(['in_progress']);
  });

  it('checks legality before fields', () => {
    expect(thrown(() => planTransition(at('closed'), { to: 'closed' })).status).toBe(409);
    expect(() => planTransition(at('new'), { to: 'awaiting_mp', outcome: 'resolved' })).toThrow(ConflictException);
    expect(() => planTransition(at('new'), { to: 'triaged', duplicateOfId: OTHER })).toThrow(BadRequestException);
  });
});
