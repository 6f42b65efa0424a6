import {
  htmlDocument,
  parseTemplate,
  renderTemplate,
  TemplateSyntaxError,
  TrustedLink,
  unknownPlaceholders,
} from './template-renderer';

describe('template renderer', () => {
  const scope = {
    supporter: { firstName: 'Ann', name: 'Ann <script>alert(1)</script> & Co' },
    checkin: { yesUrl: new TrustedLink('https://desk.example/api/public/checkin/t?answer=yes&x="1"') },
    actions: [
      { description: 'Write to the trust', owner: 'mp', dueDate: '2026-12-01' },
      { description: 'Call <back>', owner: 'charity', dueDate: null },
    ],
  };

  it('fills placeholders in text as given', () => {
    expect(renderTemplate('Dear {{supporter.firstName}},', scope, 'text')).toBe('Dear Ann,');
    expect(renderTemplate('{{ supporter.name }}', scope, 'text')).toBe('Ann <script>alert(1)</script> & Co');
  });

  it('escapes every value and the template text in HTML', () => {
    const html = renderTemplate('<b>{{supporter.name}}</b>', scope, 'html');
    expect(html).toBe('&lt;b&gt;Ann &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co&lt;/b&gt;');
    expect(html).not.toContain('<script>');
  });

  it('turns system links into anchors in HTML only, with the URL escaped', () => {
    expect(renderTemplate('{{checkin.yesUrl}}', scope, 'text')).toBe(
      'https://desk.example/api/public/checkin/t?answer=yes&x="1"',
    );
    expect(renderTemplate('{{checkin.yesUrl}}', scope, 'html')).toBe(
      '<a href="https://desk.example/api/public/checkin/t?answer=yes&amp;x=&quot;1&quot;">https://desk.example/api/public/checkin/t?answer=yes&amp;x=&quot;1&quot;</a>',
    );
  });

  it('keeps values on one line in headers', () => {
    expect(renderTemplate('Re: {{x}}', { x: 'a\r\nBcc: victim@example.org' }, 'header')).toBe(
      'Re: a Bcc: victim@example.org',
    );
  });

  it('repeats sections over lists, with the item in scope, and skips empty values', () => {
    const out = renderTemplate(
      '{{#actions}}- {{description}} ({{owner}}{{#dueDate}}, by {{dueDate}}{{/dueDate}})\n{{/actions}}',
      scope,
      'text',
    );
    expect(out).toBe('- Write to the trust (mp, by 2026-12-01)\n- Call <back> (charity)\n');
    expect(renderTemplate('{{#actions}}x{{/actions}}{{^actions}}none{{/actions}}', { actions: [] }, 'text')).toBe(
      'none',
    );
  });

  it('renders unknown or missing values as nothing', () => {
    expect(renderTemplate('[{{nope.deep}}]', scope, 'text')).toBe('[]');
    expect(renderTemplate('[{{supporter}}]', scope, 'text')).toBe('[]');
  });

  it('names the placeholders a context cannot fill, section members under their section', () => {
    const known = new Set(['a.b', 'actions', 'actions.description', 'actions.dueDate', 'supporter.name']);
    expect(unknownPlaceholders('{{a.b}} {{#actions}}{{description}}{{/actions}}', known)).toEqual([]);
    expect(unknownPlaceholders('{{a.c}} {{#actions}}{{mood}}{{/actions}} {{#x}}{{y}}{{/x}}', known)).toEqual([
      'a.c',
      'actions.mood',
      'x',
      'x.y',
    ]);
  });

  it('looks a name up inside its section first, then outwards, as rendering does', () => {
    const known = new Set(['actions', 'actions.dueDate', 'supporter.name']);
    const source = '{{#actions}}{{#dueDate}}by {{dueDate}}{{/dueDate}} for {{supporter.name}}{{/actions}}';
    expect(unknownPlaceholders(source, known)).toEqual([]);
    expect(renderTemplate(source, { ...scope, actions: [{ dueDate: '1 May' }] }, 'text')).toBe(
      'by 1 May for Ann <script>alert(1)</script> & Co',
    );
  });

  it.each([
    ['{{#a}}never closed', /never closed/],
    ['{{/a}}', /not open/],
    ['{{#a}}{{/b}}', /not open/],
    ['{{ not a placeholder! }}', /not a placeholder/],
    ['half }} brace', /not a placeholder/],
  ])('rejects malformed template %j', (source, message) => {
    expect(() => parseTemplate(source)).toThrow(TemplateSyntaxError);
    expect(() => parseTemplate(source)).toThrow(message);
  });

  it('builds an HTML document of paragraphs and line breaks', () => {
    expect(htmlDocument('Dear Ann,\n\nLine one\nLine two')).toContain(
      '<p>Dear Ann,</p>\n<p>Line one<br>\nLine two</p>',
    );
  });
});
