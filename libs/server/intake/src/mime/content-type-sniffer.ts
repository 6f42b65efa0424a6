/**
 * The type an attachment's bytes actually are, from their magic numbers. Attachments are
 * always served as downloads with this type (never the sender's claim), so a file claiming
 * to be a PDF but holding HTML cannot be rendered by the browser.
 */
export const OCTET_STREAM = 'application/octet-stream';

interface Signature {
  type: string;
  bytes: number[];
  offset?: number;
}

const SIGNATURES: Signature[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { type: 'image/bmp', bytes: [0x42, 0x4d] },
  { type: 'image/tiff', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { type: 'image/tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { type: 'application/gzip', bytes: [0x1f, 0x8b] },
  { type: 'application/zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { type: 'application/x-ole-storage', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { type: 'application/rtf', bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66] },
];

/** Zip-based office formats: a declared type we keep when the bytes are a zip. */
const ZIP_BASED = /^application\/(vnd\.openxmlformats-officedocument\.|vnd\.oasis\.opendocument\.|epub\+zip)/;
/** OLE compound files: legacy Word, Excel, PowerPoint, Outlook .msg. */
const OLE_BASED = /^application\/(msword|vnd\.ms-excel|vnd\.ms-powerpoint|vnd\.ms-outlook|x-msg)$/;
/** Declared types we serve as plain text when the bytes look like text. */
const TEXTUAL =
  /^(text\/(plain|csv|calendar|rfc822-headers|x-vcard|vcard)|application\/(ics|pgp-signature|pgp-keys)|message\/(rfc822|delivery-status|disposition-notification|rfc822-headers|global-headers))$/;

const KEEP_TEXT_TYPES = ['text/plain', 'text/csv', 'text/calendar', 'message/rfc822'];

function startsWith(bytes: Uint8Array, sig: Signature): boolean {
  const offset = sig.offset ?? 0;
  if (bytes.length < offset + sig.bytes.length) return false;
  return sig.bytes.every((b, i) => bytes[offset + i] === b);
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  for (const b of sample) if (b === 0) return false;
  return true;
}

function isWebp(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 12 &&
    String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF' &&
    String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP'
  );
}

export function sniffContentType(bytes: Uint8Array, declared: string | null): string {
  const claimed = (declared ?? '').toLowerCase().split(';')[0].trim();
  if (isWebp(bytes)) return 'image/webp';
  const match = SIGNATURES.find((sig) => startsWith(bytes, sig));
  if (match) {
    if (match.type === 'application/zip' && ZIP_BASED.test(claimed)) return claimed;
    if (match.type === 'application/x-ole-storage') return OLE_BASED.test(claimed) ? claimed : OCTET_STREAM;
    return match.type;
  }
  // Text keeps a few harmless types and is otherwise text/plain (never text/html or image/svg+xml).
  if (TEXTUAL.test(claimed) && looksLikeText(bytes)) return KEEP_TEXT_TYPES.includes(claimed) ? claimed : 'text/plain';
  return OCTET_STREAM;
}
