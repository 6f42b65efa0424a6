import {
  countPartHeaders,
  dedupeKey,
  extractMessageId,
  normaliseLineEndings,
  parseMessageIds,
  readHeaderBlock,
  sha256,
} from './raw-message';

const bytes = (s: string) => Buffer.from(s, 'latin1');
const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('normaliseLineEndings', () => {
  it('turns bare CR into LF', () => {
    expect(text(normaliseLineEndings(bytes('Subject: a\rFrom: b\r\rbody\r')))).toBe('Subject: a\nFrom: b\n\nbody\n');
  });

  it('leaves CRLF and LF alone and returns the same buffer when nothing changes', () => {
    const crlf = bytes('Subject: a\r\n\r\nbody\r\n');
    expect(normaliseLineEndings(crlf)).toBe(crlf);
    const lf = bytes('Subject: a\n\nbody\n');
    expect(normaliseLineEndings(lf)).toBe(lf);
  });

  it('fixes only the bare CRs of a mixed file', () => {
    expect(text(normaliseLineEndings(bytes('a\r\nb\rc\n')))).toBe('a\r\nb\nc\n');
  });
});

describe('readHeaderBlock', () => {
  it('finds the end of the header block for CRLF, LF and CR files', () => {
    expect(readHeaderBlock(bytes('A: 1\r\nB: 2\r\n\r\nbody'), 1000)).toEqual({ text: 'A: 1\nB: 2\n', size: 10 });
    expect(readHeaderBlock(bytes('A: 1\nB: 2\n\nbody'), 1000).size).toBe(10);
    expect(readHeaderBlock(bytes('A: 1\rB: 2\r\rbody'), 1000).size).toBe(10);
  });

  it('treats a message without a blank line as all header', () => {
    expect(readHeaderBlock(bytes('Subject: only headers'), 1000)).toEqual({ text: 'Subject: only headers', size: 21 });
  });

  it('reports a header block over the limit without reading past it', () => {
    const big = bytes(`Subject: ${'x'.repeat(5000)}\n\nbody`);
    expect(readHeaderBlock(big, 1000).size).toBeNull();
    expect(readHeaderBlock(big, 1000).text.length).toBeLessThanOrEqual(1004);
  });
});

describe('Message-IDs', () => {
  it('extracts the first Message-ID, unfolded and case-insensitively', () => {
    expect(extractMessageId('From: a\nmessage-id:\n <abc@example.org>\nSubject: x\n')).toBe('abc@example.org');
    expect(extractMessageId('Message-Id: <x.y+z@host>\n')).toBe('x.y+z@host');
    expect(extractMessageId('Message-ID: bare@token\n')).toBe('bare@token');
  });

  it('returns null when there is none or it is unusable', () => {
    expect(extractMessageId('From: a\nSubject: b\n')).toBeNull();
    expect(extractMessageId('Message-ID: <>\n')).toBeNull();
    expect(extractMessageId(`Message-ID: <${'x'.repeat(2000)}@a>\n`)).toBeNull();
  });

  it('parses lists of ids in In-Reply-To and References', () => {
    expect(parseMessageIds('<a@b> <c@d>\n\t<e@f>')).toEqual(['a@b', 'c@d', 'e@f']);
    expect(parseMessageIds('someone@yahoo.com')).toEqual(['someone@yahoo.com']);
    expect(parseMessageIds('')).toEqual([]);
    expect(parseMessageIds('not an id')).toEqual([]);
  });

  it('dedupes on the Message-ID, else on the bytes', () => {
    const digest = sha256(bytes('x'));
    expect(dedupeKey('a@b', digest)).toBe('mid:a@b');
    expect(dedupeKey(null, digest)).toBe(`sha256:${digest.toString('hex')}`);
  });
});

describe('countPartHeaders', () => {
  it('counts Content-Type header lines at line starts', () => {
    expect(
      countPartHeaders(
        bytes(
          'Content-Type: multipart/mixed\n\n--b\ncontent-type: text/plain\n\nx Content-Type: no\n--b\nCONTENT-TYPE : text/html\n',
        ),
      ),
    ).toBe(3);
  });
});
