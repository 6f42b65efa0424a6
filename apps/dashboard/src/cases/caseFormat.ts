import type { CaseNoteDto, CaseStatus } from '@campaign-desk/contracts';

/** Pure helpers for the case pages (unit-tested in caseFormat.spec.ts). */

/** A whole number the British way: 1,000,000. */
export const formatCount = (n: number): string => n.toLocaleString('en-GB');

/** The i18n key of the button that moves a case from `from` to `to`. */
export function transitionLabelKey(from: CaseStatus, to: CaseStatus): string {
  if (from === 'closed') return 'resources.cases.transition.reopen';
  if (from === 'on_hold' && to !== 'closed') return 'resources.cases.transition.resume';
  return `resources.cases.transition.${to}`;
}

/** Only the author edits a note, and only until `editableUntil` (the server enforces the same). */
export function canEditNote(
  note: Pick<CaseNoteDto, 'authorId' | 'editableUntil' | 'body'>,
  myId: string | undefined,
  now: Date,
): boolean {
  return (
    !!myId && note.authorId === myId && note.body !== null && new Date(note.editableUntil).getTime() > now.getTime()
  );
}

/** A timeline kind the page has no renderer for, as words: `mp_contact` → "MP contact". */
export function humaniseKind(kind: string): string {
  const words = kind
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((w) => (w.toLowerCase() === 'mp' ? 'MP' : w.toLowerCase()));
  if (!words.length) return 'Event';
  const [first, ...rest] = words;
  return [first === 'MP' ? first : first[0].toUpperCase() + first.slice(1), ...rest].join(' ');
}
