import { canEditNote, formatCount, humaniseKind, transitionLabelKey } from './caseFormat';

describe('case formatting', () => {
  it('formats estimated totals with thousands separators', () => {
    expect(formatCount(1_000_000)).toBe('1,000,000');
    expect(formatCount(7)).toBe('7');
  });

  it('labels transitions by where they go, with reopening and resuming named as such', () => {
    expect(transitionLabelKey('new', 'triaged')).toBe('resources.cases.transition.triaged');
    expect(transitionLabelKey('closed', 'in_progress')).toBe('resources.cases.transition.reopen');
    expect(transitionLabelKey('on_hold', 'awaiting_mp')).toBe('resources.cases.transition.resume');
    expect(transitionLabelKey('on_hold', 'closed')).toBe('resources.cases.transition.closed');
  });

  it('lets only the author edit a note, only within its window, and never a redacted one', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    const note = { authorId: 'me', editableUntil: '2026-11-24T10:05:00Z', body: 'text' };
    expect(canEditNote(note, 'me', now)).toBe(true);
    expect(canEditNote(note, 'someone-else', now)).toBe(false);
    expect(canEditNote(note, undefined, now)).toBe(false);
    expect(canEditNote({ ...note, editableUntil: '2026-11-24T09:59:59Z' }, 'me', now)).toBe(false);
    expect(canEditNote({ ...note, body: null }, 'me', now)).toBe(false);
  });

  it('turns unknown timeline kinds into words', () => {
    expect(humaniseKind('mp_contact')).toBe('MP contact');
    expect(humaniseKind('scheduled_email')).toBe('Scheduled email');
    expect(humaniseKind('meeting')).toBe('Meeting');
    expect(humaniseKind('')).toBe('Event');
  });
});
