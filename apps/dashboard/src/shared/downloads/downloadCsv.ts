import { HttpError } from 'react-admin';

const FILENAME = /filename="([^"]+)"/;

/** The server's message for a failed request (`{message}` body), or the status text. */
async function failure(response: Response): Promise<HttpError> {
  const body = (await response.json().catch(() => ({}))) as { message?: unknown };
  const message = typeof body.message === 'string' && body.message ? body.message : response.statusText;
  return new HttpError(message, response.status, body);
}

/**
 * Fetches a CSV the server writes (`Accept: text/csv`: every figure and row comes from the server, never from
 * what the page happens to hold) and saves it under the server's file name.
 */
export async function downloadCsv(url: string, fallbackName: string): Promise<void> {
  const response = await fetch(url, { headers: { Accept: 'text/csv' }, credentials: 'same-origin' });
  if (!response.ok) throw await failure(response);
  const filename = FILENAME.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  const blobUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = blobUrl;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the blob goes.
  setTimeout(() => URL.revokeObjectURL(blobUrl), 10_000);
}
