import { sniffContentType } from './content-type-sniffer';

const b = (...values: number[]) => Uint8Array.from(values);
const s = (text: string) => new TextEncoder().encode(text);

describe('sniffContentType', () => {
  it('recognises common types by their magic numbers whatever they claim', () => {
    expect(sniffContentType(s('%PDF-1.4 ...'), 'image/png')).toBe('application/pdf');
    expect(sniffContentType(b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'application/pdf')).toBe('image/png');
    expect(sniffContentType(b(0xff, 0xd8, 0xff, 0xe0), null)).toBe('image/jpeg');
    expect(sniffContentType(s('GIF89a....'), 'image/gif')).toBe('image/gif');
    expect(sniffContentType(s('RIFF\0\0\0\0WEBPVP8 '), null)).toBe('image/webp');
    expect(sniffContentType(b(0x1f, 0x8b, 8), 'application/x-gzip')).toBe('application/gzip');
  });

  it('keeps a declared office type only when the container matches', () => {
    const zip = b(0x50, 0x4b, 0x03, 0x04, 0);
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(sniffContentType(zip, docx)).toBe(docx);
    expect(sniffContentType(zip, 'text/html')).toBe('application/zip');
    const ole = b(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
    expect(sniffContentType(ole, 'application/msword')).toBe('application/msword');
    expect(sniffContentType(ole, 'text/html')).toBe('application/octet-stream');
  });

  it('never serves HTML, SVG or script types: text becomes text/plain, the rest octet-stream', () => {
    expect(sniffContentType(s('<html><script>alert(1)</script>'), 'text/html')).toBe('application/octet-stream');
    expect(sniffContentType(s('<svg onload=alert(1)>'), 'image/svg+xml')).toBe('application/octet-stream');
    expect(sniffContentType(s('alert(1)'), 'application/javascript')).toBe('application/octet-stream');
    expect(sniffContentType(s('<html>'), 'application/pdf')).toBe('application/octet-stream');
  });

  it('keeps harmless text types when the bytes are text', () => {
    expect(sniffContentType(s('a,b\n1,2'), 'text/csv')).toBe('text/csv');
    expect(sniffContentType(s('BEGIN:VCALENDAR'), 'text/calendar; charset=utf-8')).toBe('text/calendar');
    expect(sniffContentType(s('Reporting-MTA: dns; x'), 'message/delivery-status')).toBe('text/plain');
    expect(sniffContentType(b(0x61, 0, 0x62), 'text/plain')).toBe('application/octet-stream');
  });
});
