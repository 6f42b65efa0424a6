/** An evidence link anyone can open: an absolute http(s) URL with a host (no javascript:, data:, file:, relative paths). */
export function isEvidenceUrl(raw: string): boolean {
  if (!/^https?:\/\//i.test(raw) || /\s/.test(raw)) return false;
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}
