import { useMemo } from 'react';
import { useGetList } from 'react-admin';
import type { MpDto } from '@campaign-desk/contracts';

/**
 * Party filter choices: the parties of the sitting MPs (650 rows, fetched once and cached), so a
 * defection or a new party appears without a dashboard release.
 */
export function usePartyChoices(): { id: string; name: string }[] {
  const { data } = useGetList<MpDto>(
    'mps',
    { filter: { current: true }, pagination: { page: 1, perPage: 650 }, sort: { field: 'party', order: 'ASC' } },
    { staleTime: 10 * 60_000 },
  );
  return useMemo(
    () => [...new Set((data ?? []).map((mp) => mp.party))].sort().map((party) => ({ id: party, name: party })),
    [data],
  );
}
