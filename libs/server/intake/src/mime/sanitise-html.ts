import sanitizeHtml from 'sanitize-html';

/**
 * Email HTML made inert on the server (DESIGN invariant 6): a strict allow-list of formatting
 * tags and attributes; no scripts, handlers, forms, frames, objects, SVG, MathML or <style>;
 * links only to http(s)/mailto/tel; no data: or javascript: URLs anywhere; inline styles only
 * from a property allow-list with values that cannot carry url() or expression().
 * Remote images lose their src (kept in data-remote-src) so opening a message does not tell the
 * sender it was read; the HTML endpoint restores them only when staff choose "load images".
 */
export const REMOTE_IMAGE_CLASS = 'cd-remote-image';
export const REMOTE_SRC_ATTRIBUTE = 'data-remote-src';

const TAGS = [
  'a',
  'abbr',
  'address',
  'b',
  'bdi',
  'bdo',
  'big',
  'blockquote',
  'br',
  'caption',
  'center',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'font',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'tt',
  'u',
  'ul',
  'var',
  'wbr',
];

// Elements whose content is dropped along with them (not just the tags).
const DROP_WITH_CONTENT = [
  'script',
  'style',
  'textarea',
  'option',
  'xmp',
  'title',
  'noscript',
  'noembed',
  'noframes',
  'template',
  'iframe',
  'object',
  'applet',
  'svg',
  'math',
  'select',
  'head',
];

const TABLE_CELL = ['align', 'valign', 'width', 'height', 'colspan', 'rowspan', 'bgcolor'];

// A CSS value with no function calls other than rgb()/rgba()/hsl(), no escapes, no comments, no @-rules.
const SAFE_CSS_VALUE =
  /^(?!.*(?:url|expression|image|element|var|attr|env|javascript|vbscript|behavior|binding|-moz-|\\|\/\*|@))[#\w\s.,%'"()+-]{0,200}$/i;
const STYLE_PROPERTIES = [
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'line-height',
  'letter-spacing',
  'text-align',
  'text-decoration',
  'text-indent',
  'text-transform',
  'vertical-align',
  'white-space',
  'word-break',
  'width',
  'max-width',
  'min-width',
  'height',
  'margin',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'padding',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border',
  'border-top',
  'border-right',
  'border-bottom',
  'border-left',
  'border-color',
  'border-style',
  'border-width',
  'border-collapse',
  'border-spacing',
  'border-radius',
  'display',
  'list-style-type',
];
const ALLOWED_STYLES = { '*': Object.fromEntries(STYLE_PROPERTIES.map((p) => [p, [SAFE_CSS_VALUE]])) };

/**
 * HTML nested deeper than this is not sanitised: htmlparser2 and sanitize-html slow down
 * quadratically with nesting depth (80,000 nested divs take tens of seconds), so such a body is
 * shown as text only. Real email rarely nests past a few dozen levels.
 */
export const MAX_HTML_DEPTH = 256;
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Deepest nesting of elements, by a linear scan of tags (an approximation: no implied closes). */
export function htmlNestingDepth(html: string, stopAt = Infinity): number {
  let depth = 0;
  let max = 0;
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    const name = match[2].toLowerCase();
    if (match[1]) depth = Math.max(0, depth - 1);
    else if (!match[3] && !VOID_ELEMENTS.has(name)) max = Math.max(max, ++depth);
    if (max > stopAt) break;
  }
  return max;
}

/** Text of HTML by dropping tags, in linear time (for bodies too deeply nested to parse). */
export function stripTags(html: string): string {
  return html
    .replace(/<(script|style|title)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

export interface SanitisedHtml {
  html: string;
  hasRemoteImages: boolean;
}

export function sanitiseEmailHtml(dirty: string): SanitisedHtml {
  let hasRemoteImages = false;
  const html = sanitizeHtml(dirty, {
    allowedTags: TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'target'],
      img: ['alt', 'title', 'width', 'height', 'class', REMOTE_SRC_ATTRIBUTE, 'data-cid'],
      td: TABLE_CELL,
      th: TABLE_CELL,
      table: ['align', 'width', 'border', 'cellpadding', 'cellspacing', 'bgcolor'],
      tr: ['align', 'valign', 'bgcolor'],
      col: ['span', 'width'],
      colgroup: ['span', 'width'],
      font: ['color', 'face', 'size'],
      ol: ['start', 'type'],
      '*': ['style', 'dir', 'lang'],
    },
    allowedClasses: { img: [REMOTE_IMAGE_CLASS] },
    allowedStyles: ALLOWED_STYLES,
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: [
      'href',
      'src',
      'cite',
      'action',
      'formaction',
      'background',
      'poster',
      'xlink:href',
      'longdesc',
      'lowsrc',
      'dynsrc',
    ],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: DROP_WITH_CONTENT,
    nestingLimit: MAX_HTML_DEPTH + 50,
    transformTags: {
      a: (_tag, attribs) => ({
        tagName: 'a',
        attribs: { ...pick(attribs, ['href', 'title']), rel: 'noopener noreferrer', target: '_blank' },
      }),
      img: (_tag, attribs) => {
        const out = pick(attribs, ['alt', 'title', 'width', 'height']);
        const src = (attribs.src ?? '').trim();
        if (/^https?:\/\/[^\s"'<>\\]+$/i.test(src)) {
          hasRemoteImages = true;
          out[REMOTE_SRC_ATTRIBUTE] = src;
          out.class = REMOTE_IMAGE_CLASS;
        } else if (/^cid:[^\s"'<>]+$/i.test(src)) {
          out['data-cid'] = src.slice(4);
        }
        return { tagName: 'img', attribs: out };
      },
    },
  });
  return { html, hasRemoteImages };
}

function pick(attribs: Record<string, string>, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) if (attribs[name] !== undefined) out[name] = attribs[name];
  return out;
}

/** Puts remote image URLs back into src (for "load images"). The input must be sanitised HTML. */
export function restoreRemoteImages(sanitised: string): string {
  // In sanitised output `<` only opens real tags (text is escaped), so this only touches <img> elements.
  return sanitised.replace(/<img\b[^>]*>/g, (tag) => tag.replace(` ${REMOTE_SRC_ATTRIBUTE}="`, ' src="'));
}

const BLOCK_END =
  /<\/(p|div|tr|li|h[1-6]|blockquote|pre|table|ul|ol|dl|dt|dd|section|article|header|footer)\s*>|<br\s*\/?>|<hr\b[^>]*>/gi;

/** Plain text of an HTML body, for snippets and search when a message has no text part. */
export function htmlToText(html: string): string {
  const text = sanitizeHtml(
    html.replace(BLOCK_END, (m) => `${m}\n`),
    {
      allowedTags: [],
      allowedAttributes: {},
      nonTextTags: ['script', 'style', 'textarea', 'option', 'xmp', 'title', 'noscript', 'template', 'svg', 'math'],
    },
  );
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
