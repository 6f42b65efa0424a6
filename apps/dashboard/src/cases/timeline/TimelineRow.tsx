import { Box, Typography } from '@mui/material';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { formatLondonDateTime } from '../../shared/time';
import { useMyId } from '../roles';
import { useAssignees } from '../useAssignees';

/** Names the case record itself carries (its assignee), for readers who cannot list staff (viewers). */
export const KnownNamesContext = createContext<Record<string, string>>({});

/** Who did it: "You", a colleague's name, the system (no actor), or "A colleague" when the name is not readable. */
export function useActorName(): (actorId: string | null | undefined) => string {
  const translate = useTranslate();
  const myId = useMyId();
  const { nameOf } = useAssignees();
  const known = useContext(KnownNamesContext);
  return (actorId) => {
    if (!actorId) return translate('resources.cases.timeline.system');
    if (actorId === myId) return translate('resources.cases.timeline.you');
    return nameOf(actorId) ?? known[actorId] ?? translate('resources.cases.timeline.someone');
  };
}

/** One line of the timeline: an icon, what happened, who and when; details below. */
export const TimelineRow = ({
  icon,
  title,
  actor,
  at,
  kind,
  children,
}: {
  icon: ReactNode;
  title: ReactNode;
  actor?: string;
  at: string;
  kind: string;
  children?: ReactNode;
}) => (
  <Box
    component="li"
    sx={{ display: 'flex', gap: 1.5, py: 1.5, borderBottom: 1, borderColor: 'divider', listStyle: 'none' }}
    data-kind={kind}
    data-testid="timeline-entry"
  >
    <Box sx={{ color: 'text.secondary', pt: 0.25 }}>{icon}</Box>
    <Box sx={{ flex: 1, minWidth: 0 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="body2" component="div" sx={{ fontWeight: 500 }}>
          {title}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {actor ? `${actor} · ` : ''}
          {formatLondonDateTime(at) || '—'}
        </Typography>
      </Box>
      {children}
    </Box>
  </Box>
);
