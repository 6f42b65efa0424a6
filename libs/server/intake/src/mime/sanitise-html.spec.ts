import { htmlNestingDepth, htmlToText, restoreRemoteImages, sanitiseEmailHtml, stripTags } from './sanitise-html';

const clean = (html: string) => sanitiseEmailHtml(html).html;

describe('sanitiseEmailHtml', () => {
  it('keeps ordinary formatting', () => {
    expect(clean('<p>Hello <b>there</b><br><em>x</em></p><ul><li>a</li></ul>')).toBe(
      '<p>Hello <b>there</b><br /><em>x</em></p><ul><li>a</li></ul>',
    );
  });

  it('drops scripts, styles and their content', () => {
    expect(clean('<p>a</p><script>alert(1)</script><style>body{background:url(x)}</style><p>b</p>')).toBe(
      '<p>a</p><p>b</p>',
    );
  });

  it('drops event handlers', () => {
    expect(clean('<p onclick="alert(1)" onmouseover="x()">hi</p><img src=x onerror=alert(1)>')).toBe(
      '<p>hi</p><img />',
    );
  });

  it('drops javascript:, vbscript: and data: links', () => {
    const out = clean(
      '<a href="javascript:alert(1)">a</a><a href=" JaVaScRiPt:alert(1)">b</a><a href="vbscript:x">c</a><a href="data:text/html,<script>alert(1)</script>">d</a>',
    );
    expect(out).not.toMatch(/javascript|vbscript|data:|href/i);
  });

  it('adds rel and target to safe links', () => {
    expect(clean('<a href="https://example.org/x" target="_self" rel="opener">x</a>')).toBe(
      '<a href="https://example.org/x" rel="noopener noreferrer" target="_blank">x</a>',
    );
  });

  it('blocks remote images by default and remembers where they were', () => {
    const result = sanitiseEmailHtml('<img src="https://tracker.example/p.gif" alt="logo" width="10">');
    expect(result).toEqual({
      html: '<img alt="logo" width="10" data-remote-src="https://tracker.example/p.gif" class="cd-remote-image" />',
      hasRemoteImages: true,
    });
    expect(restoreRemoteImages(result.html)).toBe(
      '<img alt="logo" width="10" src="https://tracker.example/p.gif" class="cd-remote-image" />',
    );
  });

  it('never keeps a data: image or srcset', () => {
    const out = clean(
      '<img src="data:image/svg+xml;base64,PHN2Zz4="><img srcset="https://x.example/a.png 1x" src="cid:part1">',
    );
    expect(out).toBe('<img /><img data-cid="part1" />');
  });

  it('drops forms, inputs, frames, objects, embeds, SVG, MathML, meta and base', () => {
    const out = clean(
      '<form action="https://evil.example"><input name=x><button>Go</button></form><iframe src="https://evil.example"></iframe>' +
        '<object data="x.swf"></object><embed src="x.swf"><svg onload="alert(1)"><script>alert(1)</script><text>svg</text></svg>' +
        '<math><mtext>m</mtext></math><meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="https://evil.example/"><link rel=stylesheet href=x>',
    );
    expect(out).not.toMatch(/<(form|input|iframe|object|embed|svg|math|meta|base|link|script)\b/i);
    expect(out).not.toMatch(/svg|alert|evil/);
  });

  it('keeps safe inline styles and removes url(), expression() and friends', () => {
    expect(clean('<p style="color: red; font-weight: bold">x</p>')).toBe('<p style="color:red;font-weight:bold">x</p>');
    const out = clean(
      '<p style="background-image: url(javascript:alert(1)); width: expression(alert(1)); color: blue">x</p>' +
        '<div style="behavior: url(x.htc); -moz-binding: url(x.xml#y)">y</div><span style="color: \\72 ed">z</span>' +
        '<p style="background: url(https://tracker.example/x.png)">w</p>',
    );
    expect(out).not.toMatch(/url|expression|behavior|binding|\\/i);
    expect(out).toContain('<p style="color:blue">x</p>');
  });

  it('does not let text masquerade as markup', () => {
    expect(clean('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    const sanitised = clean(
      '<p>data-remote-src="https://x.example" &lt;img data-remote-src="https://y.example"&gt;</p>',
    );
    expect(sanitised).not.toMatch(/<img/);
    expect(restoreRemoteImages(sanitised)).toBe(sanitised);
  });

  it('handles unclosed and deeply nested markup without throwing', () => {
    const deep = '<div>'.repeat(20_000) + 'x';
    expect(clean(deep)).toContain('x');
  });
});

describe('htmlToText', () => {
  it('turns block elements into lines and decodes entities', () => {
    expect(
      htmlToText('<p>Hello &amp; welcome</p><div>Line&nbsp;two<br>three</div><style>p{}</style><script>x</script>'),
    ).toBe('Hello & welcome\nLine two\nthree');
  });

  it('keeps text that looks like markup as text', () => {
    expect(htmlToText('<p>1 &lt; 2 &gt; 0</p>')).toBe('1 < 2 > 0');
  });
});

describe('deeply nested HTML', () => {
  it('measures nesting depth in one linear pass', () => {
    expect(htmlNestingDepth('<div><p>a<br><img src=x><b>b</b></p></div>')).toBe(3);
    expect(htmlNestingDepth('<div><div/></div>')).toBe(1);
    expect(htmlNestingDepth('</div></div><p>')).toBe(1);
    const deep = '<div><b>x'.repeat(200_000);
    const started = performance.now();
    expect(htmlNestingDepth(deep)).toBe(400_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('stops counting once past the limit', () => {
    expect(htmlNestingDepth('<div>'.repeat(1000), 10)).toBe(11);
  });

  it('strips tags to text without parsing', () => {
    expect(stripTags('<div><b>Hello</b> &amp; <style>x{}</style>bye&nbsp;now</div>')).toBe('Hello & bye now');
  });
});
