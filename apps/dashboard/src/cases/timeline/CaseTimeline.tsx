import { Alert, Box, Button, Typography } from '@mui/material';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslate } from 'react-admin';
import type { TimelineEntry } from '@campaign-desk/contracts';
import { fetchTimelinePage } from '../caseApi';
import { TimelineItem } from './TimelineItem';
import { KnownNamesContext } from './TimelineRow';

const PAGE_SIZE = 20;

/** `GET /api/cases/:id/timeline`, newest first, a page at a time ("Load more"). */
export const CaseTimeline = ({ caseId, knownNames = {} }: { caseId: string; knownNames?: Record<string, string> }) => {
  const translate = useTranslate();
  const { data, error, fetchNextPage, hasNextPage, isFetchingNextPage, isPending } = useInfiniteQuery({
    queryKey: ['cases', 'timeline', caseId],
    queryFn: ({ pageParam }) => fetchTimelinePage(caseId, pageParam, PAGE_SIZE),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, page) => n + page.entries.length, 0);
      return last.entries.length > 0 && loaded < last.total ? loaded : undefined;
    },
  });
  // A new entry between two page loads shifts the offsets by one: never show an entry twice.
  const entries = useMemo(() => {
    const seen = new Set<string>();
    return (data?.pages ?? [])
      .flatMap((p) => p.entries)
      .filter((e: TimelineEntry) => !seen.has(e.id) && !!seen.add(e.id));
  }, [data]);

  return (
    <Box component="section" aria-labelledby="case-timeline-title" data-testid="case-timeline">
      <Typography variant="h6" component="h2" id="case-timeline-title" gutterBottom>
        {translate('resources.cases.timeline.title')}
      </Typography>
      {error && <Alert severity="error">{error.message}</Alert>}
      {!isPending && !error && entries.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.cases.timeline.empty')}
        </Typography>
      )}
      <KnownNamesContext.Provider value={knownNames}>
        <Box component="ul" sx={{ p: 0, m: 0 }}>
          {entries.map((entry) => (
            <TimelineItem key={entry.id} entry={entry} />
          ))}
        </Box>
      </KnownNamesContext.Provider>
      {hasNextPage && (
        <Button sx={{ mt: 1 }} onClick={() => fetchNextPage()} disabled={isFetchingNextPage}>
          {translate('resources.cases.timeline.loadMore')}
        </Button>
      )}
    </Box>
  );
};
