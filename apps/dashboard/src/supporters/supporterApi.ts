import type { SupporterMergeResult } from '@campaign-desk/contracts';
import { apiFetch } from '../providers/http';

/** `POST /api/supporters/:id/merge`: `sourceId` is merged into `targetId`, which survives. */
export async function mergeSupporter(sourceId: string, targetId: string): Promise<SupporterMergeResult> {
  const { json } = await apiFetch(`/api/supporters/${encodeURIComponent(sourceId)}/merge`, {
    method: 'POST',
    body: JSON.stringify({ targetId }),
  });
  return json as SupporterMergeResult;
}
