import type { RenderedEmail, TemplatePreviewInput } from '@campaign-desk/contracts';
import { apiFetch } from '../providers/http';

/** `POST /api/templates/:key/preview`: the given (unsaved) text rendered on made-up sample data. */
export async function previewTemplate(key: string, input: TemplatePreviewInput): Promise<RenderedEmail> {
  const { json } = await apiFetch(`/api/templates/${encodeURIComponent(key)}/preview`, {
    method: 'POST',
    body: JSON.stringify(input),
  });
  return json as RenderedEmail;
}
