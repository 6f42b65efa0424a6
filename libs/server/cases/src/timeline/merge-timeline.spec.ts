import type { TimelineEntry } from '@campaign-desk/contracts';
import { mergeTimeline } from './merge-timeline';

const entry = (kind: string, id: string, at: string): TimelineEntry => ({
  id: `${kind}:${id}`,
  kind,
  at,
  actorId: null,
  data: {},
});

describe('mergeTimeline', () => {
  const notes = [entry('note', 'n2', '2026-11-23T12:00:00.000Z'), entry('note', 'n1', '2026-11-20T09:00:00.000Z')];
  const messages = [
    entry('message', 'm3', '2026-11-23T12:00:00.000Z'),
    entry('message', 'm2', '2026-11-22T08:00:00.000Z'),
    entry('message', 'm1', '2026-11-19T08:00:00.000Z'),
  ];
  const status = [entry('status_change', '7', '2026-11-21T10:00:00.000Z')];

  it('merges newest first with a stable order for ties', () => {
    expect(mergeTimeline([notes, messages, status], 0, 10).map((e) => e.id)).toEqual([
      'note:n2',
      'message:m3',
      'message:m2',
      'status_change:7',
      'note:n1',
      'message:m1',
    ]);
  });

  it('pages', () => {
    expect(mergeTimeline([notes, messages, status], 2, 2).map((e) => e.id)).toEqual(['message:m2', 'status_change:7']);
    expect(mergeTimeline([notes, messages, status], 6, 2)).toEqual([]);
  });
});
