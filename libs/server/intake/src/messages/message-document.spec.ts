import { messageCsp, messageDocument } from './message-document';

describe('messageDocument', () => {
  it('keeps remote images blocked unless asked', () => {
    const html = '<p>x</p><img alt="a" data-remote-src="https://t.example/p.gif" class="cd-remote-image" />';
    expect(messageDocument({ html, text: '', quotedText: '' }, false)).toContain(
      'data-remote-src="https://t.example/p.gif"',
    );
    expect(messageDocument({ html, text: '', quotedText: '' }, false)).not.toContain(' src=');
    expect(messageDocument({ html, text: '', quotedText: '' }, true)).toContain(' src="https://t.example/p.gif"');
  });

  it('escapes plain text and folds the quoted history', () => {
    const doc = messageDocument({ html: null, text: '<script>alert(1)</script>', quotedText: '> old "stuff"' }, false);
    expect(doc).toContain('<pre>&lt;script&gt;alert(1)&lt;/script&gt;</pre>');
    expect(doc).toContain('<details><summary>Quoted history</summary><pre>&gt; old &quot;stuff&quot;</pre></details>');
    expect(doc).not.toContain('<script>');
  });
});

describe('messageCsp', () => {
  it('allows no scripts and images only when asked', () => {
    expect(messageCsp(false)).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox allow-popups allow-popups-to-escape-sandbox",
    );
    expect(messageCsp(true)).toContain('img-src data: https:');
    expect(messageCsp(true)).not.toMatch(/script-src|allow-scripts|allow-same-origin/);
  });
});
