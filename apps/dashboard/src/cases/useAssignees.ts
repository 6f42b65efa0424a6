import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CaseAssigneeOption } from '@campaign-desk/contracts';
import { fetchAssignees } from './caseApi';
import { useCanWorkCases } from './roles';

/**
 * Who cases can be assigned to (active admins and caseworkers), with a name lookup for lists and
 * the timeline. Viewers may not read it (the API answers 403): they get an empty list.
 */
export function useAssignees(): {
  assignees: CaseAssigneeOption[];
  nameOf: (id: string | null | undefined) => string | undefined;
} {
  const enabled = useCanWorkCases();
  const { data } = useQuery({ queryKey: ['cases', 'assignees'], queryFn: fetchAssignees, enabled, staleTime: 60_000 });
  return useMemo(() => {
    const assignees = data ?? [];
    const names = new Map(assignees.map((a) => [a.id, a.name]));
    return { assignees, nameOf: (id) => (id ? names.get(id) : undefined) };
  }, [data]);
}
