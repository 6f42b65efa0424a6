import type { ConsentChangeDto, ErasureDto, SupporterMergeResult } from '@campaign-desk/contracts';
import { apiFetch } from '../providers/http';

/** `POST /api/supporters/:id/merge`: `sourceId` is merged into `targetId`, which survives. */
export async function mergeSupporter(sourceId: string, targetId: string): Promise<SupporterMergeResult> {
  const { json } = await apiFetch(`/api/supporters/${encodeURIComponent(sourceId)}/merge`, {
    method: 'POST',
    body: JSON.stringify({ targetId }),
  });
  return json as SupporterMergeResult;
}

/** `POST /api/supporters/:id/erasure {reason}` (admins): answers the erasure record (the same one when repeated). */
export async function eraseSupporter(id: string, reason: string): Promise<ErasureDto> {
  const { json } = await apiFetch(`/api/supporters/${encodeURIComponent(id)}/erasure`, {
    method: 'POST',
    body: JSON.stringify({ reason }),
  });
  return json as ErasureDto;
}

/** The download URL of everything held about the supporter (a ZIP; admins). */
export const subjectAccessExportUrl = (id: string) => `/api/supporters/${encodeURIComponent(id)}/subject-access-export`;

/** `GET /api/supporters/:id/consent-history`: every change of their consents, newest first. */
export async function fetchConsentHistory(id: string): Promise<ConsentChangeDto[]> {
  const { json } = await apiFetch(`/api/supporters/${encodeURIComponent(id)}/consent-history`);
  return json as ConsentChangeDto[];
}

/** `GET /api/supporters/:id/erasure` (admins): the erasure record, or null when they have not been erased. */
export async function fetchErasure(id: string): Promise<ErasureDto | null> {
  const { json } = await apiFetch(`/api/supporters/${encodeURIComponent(id)}/erasure`);
  return (json as ErasureDto | null) ?? null;
}
