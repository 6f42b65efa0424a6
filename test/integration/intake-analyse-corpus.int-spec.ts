import {
  CORPUS_MACHINE_CLASSIFICATIONS,
  CORPUS_QUARANTINED,
  corpusFiles,
  corpusMessage,
} from '../support/email-corpus';
import { analyseMessage, type AnalysedMessage } from '../../libs/server/intake/src/mime/analyse-message';

const LIMITS = { maxHeaderBytes: 100 * 1024, maxParts: 250 };

/** What each corpus file must become: a machine classification, `person` (request or reply by threading) or a quarantine reason. */
const EXPECTED: Record<string, string> = {
  ...CORPUS_MACHINE_CLASSIFICATIONS,
  ...Object.fromEntries(Object.entries(CORPUS_QUARANTINED).map(([name, reason]) => [name, `quarantine:${reason}`])),
};

async function analyse(name: string): Promise<AnalysedMessage> {
  const outcome = await analyseMessage(corpusMessage(name), LIMITS);
  if (!outcome.ok) throw new Error(`${name} was quarantined: ${outcome.reason}`);
  return outcome.message;
}

describe('analyseMessage on the corpus', () => {
  it.each(corpusFiles())('%s ends as the expected kind of message', async (name) => {
    const outcome = await analyseMessage(corpusMessage(name), LIMITS);
    const kind = outcome.ok ? (outcome.message.machineClassification ?? 'person') : `quarantine:${outcome.reason}`;
    expect(kind).toBe(EXPECTED[name] ?? 'person');
  });

  it('parses the bare-CR (classic Mac) file the same as its LF twin', async () => {
    const mac = await analyse('sisimai__mac-rfc3834-01.eml');
    const bsd = await analyse('sisimai__bsd-rfc3834-01.eml');
    expect(mac.subject).toBe('Away until May 5');
    expect(mac.subject).toBe(bsd.subject);
    expect(mac.text).toBe(bsd.text);
    expect(mac.warnings).toContain('bare_cr_line_endings');
  });

  it('finds the Message-ID of the returned message in delivery reports', async () => {
    expect((await analyse('flanker__mailbox-full.eml')).bounce).toEqual({
      kind: 'failed',
      // 5.2.2, a full mailbox: a failure, but not a dead address.
      permanent: false,
      originalMessageIds: ['4E326A95.3010907@example.com'],
    });
    expect((await analyse('flanker__gmail-invalid-address.eml')).bounce?.originalMessageIds).toContain(
      'CAKsfaBUUGqVZiaMrmH3TRPfq1odQPtM7Ey5YW1SgyJJRHtAjgw@mail.gmail.com',
    );
    expect(
      (await analyse('zammad__mail033-undelivered-mail-returned-to-sender-notification.box')).bounce
        ?.originalMessageIds,
    ).toEqual(['notification.20150830145600.1.4.5f4fd063-f69b-4e64-a92d-5e7128bd6682@127.0.0.1:3000']);
  });

  it('tells a delay warning from a failure', async () => {
    expect((await analyse('rubymail__report_422.eml')).bounce?.kind).toBe('delayed');
    expect((await analyse('sisimai__dos-lhost-postfix-01.eml')).bounce?.kind).toBe('failed');
  });

  it('splits the quoted history from the new text of a reply', async () => {
    const gmail = await analyse('talon__gmail.eml');
    expect(gmail.text).toBe('Hello');
    expect(gmail.quotedText).toMatch(/^On Mon, Apr 2, 2012 at 6:26 PM, Megan One <xxx@gmail.com> wrote:\n\n> Hi/);
    const bottomPosted = await analyse('zammad__mail005.box');
    expect(bottomPosted.text).toMatch(/^Hallo Martin,/);
    expect(bottomPosted.quotedText).toMatch(/^Am 07\.05\.2012 08:10, schrieb Martin Edenhofer/);
  });

  it('derives text from an HTML-only message and sanitises its HTML', async () => {
    const message = await analyse('chatwoot__only_html.eml');
    expect(message.text.length).toBeGreaterThan(0);
    expect(message.html).not.toBeNull();
    expect(message.snippet).toBe(message.text.replace(/\s+/g, ' ').trim());
  });

  it('reports addresses, dates, threading headers and the case reference', async () => {
    const message = await analyse('chatwoot__mail_with_quote.eml');
    expect(message.from).toEqual({ name: 'Sony Mathew', address: 'sony@chatwoot.com' });
    expect(message.inReplyTo[0]).toMatch(/^0100017b5d8efc70-/);
    expect(message.references.length).toBeGreaterThan(0);
    expect(message.sentAt).toMatch(/^2021-08-\d\dT/);
    expect(message.caseReference).toBeNull();
  });

  it('checks attachment types against their bytes', async () => {
    const message = await analyse('rubymail__attachment_message_rfc822.eml');
    expect(message.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    const uuencoded = await analyse('rubymail__content_transfer_encoding_x_uuencode.eml');
    expect(uuencoded.attachments[0].contentType).toBe('application/octet-stream');
  });

  it('quarantines a message with more MIME parts than the cap', async () => {
    const outcome = await analyseMessage(corpusMessage('postalmime__mimetorture.eml'), { ...LIMITS, maxParts: 5 });
    expect(outcome).toMatchObject({ ok: false, reason: 'too_many_parts' });
  });

  it('quarantines a message with nothing in it', async () => {
    const outcome = await analyseMessage(Buffer.from('X-Nothing: here\r\n\r\n'), LIMITS);
    expect(outcome).toMatchObject({ ok: false, reason: 'no_content' });
  });

  it('shows pathologically nested HTML as text only, quickly', async () => {
    const raw = Buffer.from(
      `Subject: nested\r\nContent-Type: text/html\r\n\r\n${'<div><b style="color:red">x'.repeat(100_000)}`,
    );
    const started = performance.now();
    const outcome = await analyseMessage(raw, LIMITS);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(outcome.ok && outcome.message).toMatchObject({ html: null, warnings: ['html_too_deeply_nested'] });
    expect(outcome.ok && outcome.message.text.slice(0, 5)).toBe('x x x');
  });

  it('reads [CD-n] from the subject', async () => {
    const raw = Buffer.from('From: a@example.org\r\nSubject: Re: Your case [CD-0042] update\r\n\r\nThanks\r\n');
    const outcome = await analyseMessage(raw, LIMITS);
    expect(outcome.ok && outcome.message.caseReference).toBe('CD-42');
  });
});
