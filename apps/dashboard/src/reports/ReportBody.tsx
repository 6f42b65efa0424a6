import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ReportError, ReportSkeleton } from './ReportStates';

/** A report's content once loaded; a skeleton while it loads, the server's message when it fails, nothing while the query waits for a valid range. */
export function ReportBody<T>({
  query,
  height,
  children,
}: {
  query: UseQueryResult<T>;
  height?: number;
  children: (data: T) => ReactNode;
}) {
  if (query.error) return <ReportError error={query.error} />;
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.fetchStatus === 'idle') return null;
  return <ReportSkeleton height={height} />;
}
