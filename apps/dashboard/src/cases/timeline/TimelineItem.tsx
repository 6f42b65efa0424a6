import EventIcon from '@mui/icons-material/EventNote';
import PersonIcon from '@mui/icons-material/Person';
import SwapIcon from '@mui/icons-material/SwapHoriz';
import { useTranslate } from 'react-admin';
import type {
  AssignmentTimelineEntry,
  CaseStatus,
  CaseNoteDto,
  MessageSummary,
  NoteTimelineEntry,
  StatusChangeTimelineEntry,
  TimelineEntry,
} from '@campaign-desk/contracts';
import { humaniseKind } from '../caseFormat';
import { MessageEntry } from './MessageEntry';
import { NoteEntry } from './NoteEntry';
import { TimelineRow, useActorName } from './TimelineRow';
import { enumLabelKey } from '../../shared/i18n/enumLabels';

const StatusChangeEntry = ({ entry }: { entry: StatusChangeTimelineEntry }) => {
  const translate = useTranslate();
  const actorName = useActorName();
  const status = (s: CaseStatus) => translate(enumLabelKey('caseStatus', s));
  const { from, to, outcome } = entry.data;
  const title = from
    ? translate('resources.cases.timeline.statusChange', { from: status(from), to: status(to) })
    : translate('resources.cases.timeline.statusCreated', { to: status(to) });
  return (
    <TimelineRow
      kind={entry.kind}
      at={entry.at}
      actor={actorName(entry.actorId)}
      icon={<SwapIcon fontSize="small" />}
      title={outcome ? `${title} (${translate(enumLabelKey('caseOutcome', outcome))})` : title}
    />
  );
};

const AssignmentEntry = ({ entry }: { entry: AssignmentTimelineEntry }) => {
  const translate = useTranslate();
  const actorName = useActorName();
  const { toAssigneeId, method } = entry.data;
  const who = toAssigneeId ? actorName(toAssigneeId) : null;
  const title = who
    ? translate('resources.cases.timeline.assignedTo', { name: who })
    : translate('resources.cases.timeline.unassigned');
  const how =
    method === 'bulk'
      ? ` ${translate('resources.cases.timeline.byBulk')}`
      : method === 'auto'
        ? ` ${translate('resources.cases.timeline.byAuto')}`
        : '';
  return (
    <TimelineRow
      kind={entry.kind}
      at={entry.at}
      actor={actorName(entry.actorId)}
      icon={<PersonIcon fontSize="small" />}
      title={`${title}${how}`}
    />
  );
};

/** A kind this page does not know yet (later features add them): its kind in words, who and when. */
const GenericEntry = ({ entry }: { entry: TimelineEntry }) => {
  const actorName = useActorName();
  return (
    <TimelineRow
      kind={entry.kind}
      at={entry.at}
      actor={entry.actorId ? actorName(entry.actorId) : undefined}
      icon={<EventIcon fontSize="small" />}
      title={humaniseKind(entry.kind)}
    />
  );
};

/** Dispatches on `kind`; an entry whose data is missing falls back to the generic line rather than crashing. */
export const TimelineItem = ({ entry }: { entry: TimelineEntry }) => {
  if (!entry.data || typeof entry.data !== 'object') return <GenericEntry entry={entry} />;
  switch (entry.kind) {
    case 'message':
      return <MessageEntry message={entry.data as MessageSummary} at={entry.at} />;
    case 'note':
      return (
        <NoteEntry note={(entry as NoteTimelineEntry).data as CaseNoteDto} at={entry.at} actorId={entry.actorId} />
      );
    case 'status_change':
      return <StatusChangeEntry entry={entry as StatusChangeTimelineEntry} />;
    case 'assignment':
      return <AssignmentEntry entry={entry as AssignmentTimelineEntry} />;
    default:
      return <GenericEntry entry={entry} />;
  }
};
