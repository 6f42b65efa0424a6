import { corpusMessage } from '../support/email-corpus';
import { ParseThreadPool } from '../../libs/server/intake/src/mime/parse-thread-pool';

const LIMITS = { maxHeaderBytes: 100 * 1024, maxParts: 250 };

describe('ParseThreadPool', () => {
  jest.setTimeout(60_000);

  it('parses messages in threads and answers each caller with its own result', async () => {
    const pool = new ParseThreadPool({ size: 2, timeoutMs: 20_000, memoryMb: 256, limits: LIMITS });
    try {
      const names = [
        'talon__gmail.eml',
        'sisimai__bsd-rfc3834-02.eml',
        'flanker__mailbox-full.eml',
        'rubymail__raw_email_bad_time.eml',
      ];
      const outcomes = await Promise.all(names.map((n) => pool.analyse(corpusMessage(n))));
      expect(outcomes.map((o) => (o.ok ? (o.message.machineClassification ?? 'person') : o.reason))).toEqual([
        'person',
        'auto_reply',
        'bounce',
        'spam',
      ]);
      const bounce = outcomes[2];
      expect(bounce.ok && bounce.message.attachments[0].content).toBeInstanceOf(Uint8Array);
    } finally {
      await pool.close();
    }
  });

  it('stops a parse that runs past the time cap, reports parse_timeout and keeps working', async () => {
    const pool = new ParseThreadPool({ size: 1, timeoutMs: 2, memoryMb: 256, limits: LIMITS });
    try {
      pool.warmUp();
      // Wait for the thread to start so the cap measures the parse, not the start-up.
      await new Promise((r) => setTimeout(r, 3_000));
      const slow = await pool.analyse(corpusMessage('mailparser__outofmemory.eml'));
      expect(slow).toEqual({ ok: false, reason: 'parse_timeout', detail: 'parsing took longer than 2 ms' });
    } finally {
      await pool.close();
    }
    const healthy = new ParseThreadPool({ size: 1, timeoutMs: 20_000, memoryMb: 256, limits: LIMITS });
    try {
      const outcomes = await Promise.all([
        healthy.analyse(corpusMessage('mailparser__outofmemory.eml')),
        healthy.analyse(corpusMessage('talon__gmail.eml')),
      ]);
      expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    } finally {
      await healthy.close();
    }
  });

  it('replaces a timed-out thread and goes on with the queue', async () => {
    const pool = new ParseThreadPool({ size: 1, timeoutMs: 400, memoryMb: 256, limits: LIMITS });
    try {
      pool.warmUp();
      await new Promise((r) => setTimeout(r, 3_000));
      // 5 MB of styled paragraphs keeps the sanitiser (a CSS parse per style attribute) busy for seconds.
      const huge = Buffer.from(
        `Subject: big\r\nContent-Type: text/html\r\n\r\n${'<p style="color:red">x</p>'.repeat(200_000)}`,
      );
      const [slow, next] = await Promise.all([pool.analyse(huge), pool.analyse(corpusMessage('talon__gmail.eml'))]);
      expect(slow).toMatchObject({ ok: false, reason: 'parse_timeout' });
      expect(next.ok && next.message.text).toBe('Hello');
    } finally {
      await pool.close();
    }
  });

  it('caps the parser heap and reports parse_memory', async () => {
    const pool = new ParseThreadPool({
      size: 1,
      timeoutMs: 60_000,
      memoryMb: 32,
      limits: { maxHeaderBytes: 100 * 1024, maxParts: 100_000 },
    });
    try {
      const parts = Array.from(
        { length: 60_000 },
        (_, i) => `--b\r\nContent-Type: text/plain\r\n\r\npart ${i} ${'y'.repeat(200)}\r\n`,
      ).join('');
      const raw = Buffer.from(`Subject: many\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n${parts}--b--\r\n`);
      const outcome = await pool.analyse(raw);
      expect(outcome).toMatchObject({ ok: false, reason: expect.stringMatching(/^parse_(memory|error)$/) });
    } finally {
      await pool.close();
    }
  });

  it('refuses work after close', async () => {
    const pool = new ParseThreadPool({ size: 1, timeoutMs: 1000, memoryMb: 64, limits: LIMITS });
    await pool.close();
    await expect(pool.analyse(Buffer.from('Subject: x\r\n\r\ny'))).rejects.toThrow(/closed/);
  });
});
