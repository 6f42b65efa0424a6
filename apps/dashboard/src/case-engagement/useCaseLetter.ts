import { useQuery } from '@tanstack/react-query';
import { fetchLatestLetter } from './engagementApi';

/** The case's newest letter (null before one is drafted); react-admin's refresh reloads it with the page. */
export const useCaseLetter = (caseId: string) =>
  useQuery({ queryKey: ['engagement', 'letter', caseId], queryFn: () => fetchLatestLetter(caseId) });

/** Caseworkers and admins act on engagement records; viewers read them (the API enforces the same). */
export const canWorkEngagement = (permissions: unknown) => permissions === 'admin' || permissions === 'caseworker';
