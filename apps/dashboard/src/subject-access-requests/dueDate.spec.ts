import { isOverdue } from './dueDate';

describe('isOverdue', () => {
  const now = new Date('2026-05-01T12:00:00Z');
  it('is overdue when open and past due', () => {
    expect(isOverdue({ dueAt: '2026-04-30T12:00:00Z', status: 'received' }, now)).toBe(true);
    expect(isOverdue({ dueAt: '2026-04-30T12:00:00Z', status: 'in_progress' }, now)).toBe(true);
  });
  it('is not overdue when answered or not yet due', () => {
    expect(isOverdue({ dueAt: '2026-04-30T12:00:00Z', status: 'completed' }, now)).toBe(false);
    expect(isOverdue({ dueAt: '2026-04-30T12:00:00Z', status: 'refused' }, now)).toBe(false);
    expect(isOverdue({ dueAt: '2026-05-02T12:00:00Z', status: 'received' }, now)).toBe(false);
  });
});
