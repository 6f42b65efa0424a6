/**
 * A small Mustache subset for email templates: `{{a.b}}` inserts a value, `{{#list}}…{{/list}}`
 * repeats for each item of a list (or renders once for a truthy value), `{{^x}}…{{/x}}` renders
 * when x is empty. Templates are plain text; the HTML alternative escapes the template's own text
 * and every value, so a placeholder can never inject markup, and subject values lose line breaks,
 * so they can never inject a header.
 */

/** A link the system made (a check-in answer): plain URL in text, an anchor in HTML. */
export class TrustedLink {
  constructor(readonly url: string) {}
}

export type TemplateValue =
  string | number | boolean | null | undefined | TrustedLink | TemplateScope | TemplateScope[];
export interface TemplateScope {
  [name: string]: TemplateValue;
}

type Node =
  | { type: 'text'; text: string }
  | { type: 'var'; name: string }
  | { type: 'section'; name: string; inverted: boolean; children: Node[] };

const TAG = /\{\{\s*([#^/]?)\s*([a-zA-Z][a-zA-Z0-9_]*(?:\.[a-zA-Z][a-zA-Z0-9_]*)*)\s*\}\}/g;

export class TemplateSyntaxError extends Error {}

export function parseTemplate(source: string): Node[] {
  const root: Node[] = [];
  const stack: { name: string; children: Node[] }[] = [{ name: '', children: root }];
  let last = 0;
  for (const match of source.matchAll(TAG)) {
    const [whole, sigil, name] = match;
    const current = stack[stack.length - 1];
    if (match.index > last) current.children.push({ type: 'text', text: source.slice(last, match.index) });
    last = match.index + whole.length;
    if (sigil === '#' || sigil === '^') {
      const section: Node = { type: 'section', name, inverted: sigil === '^', children: [] };
      current.children.push(section);
      stack.push({ name, children: section.children });
    } else if (sigil === '/') {
      if (stack.length === 1 || current.name !== name)
        throw new TemplateSyntaxError(`{{/${name}}} closes a section that is not open`);
      stack.pop();
    } else {
      current.children.push({ type: 'var', name });
    }
  }
  if (stack.length > 1) throw new TemplateSyntaxError(`{{#${stack[stack.length - 1].name}}} is never closed`);
  if (last < source.length) root.push({ type: 'text', text: source.slice(last) });
  const stray = /\{\{|\}\}/.exec(
    root
      .filter((n) => n.type === 'text')
      .map((n) => (n as { text: string }).text)
      .join(''),
  );
  if (stray) throw new TemplateSyntaxError('a {{ or }} is not a placeholder like {{supporter.firstName}}');
  return root;
}

/**
 * The placeholders of a template that a context offering `known` cannot fill, by their full names
 * (`actions.description`). A name inside a section is looked up as the renderer does: in the
 * section's item first, then outwards, so `{{#actions}}{{#dueDate}}by {{dueDate}}{{/dueDate}}{{/actions}}`
 * uses only `actions` and `actions.dueDate`.
 */
export function unknownPlaceholders(source: string, known: ReadonlySet<string>): string[] {
  const unknown = new Set<string>();
  // Innermost section first; '' is the top level.
  const walk = (nodes: Node[], prefixes: string[]) => {
    for (const node of nodes) {
      if (node.type === 'text') continue;
      const found = prefixes.map((prefix) => prefix + node.name).find((name) => known.has(name));
      if (!found) unknown.add(prefixes[0] + node.name);
      if (node.type === 'section') walk(node.children, [`${found ?? prefixes[0] + node.name}.`, ...prefixes]);
    }
  };
  walk(parseTemplate(source), ['']);
  return [...unknown];
}

export type RenderMode = 'text' | 'html' | 'header';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

function lookup(scopes: TemplateScope[], name: string): TemplateValue {
  const [head, ...rest] = name.split('.');
  for (let i = scopes.length - 1; i >= 0; i--) {
    if (!(head in scopes[i])) continue;
    let value: TemplateValue = scopes[i][head];
    for (const part of rest) {
      value =
        value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof TrustedLink)
          ? value[part]
          : undefined;
    }
    return value;
  }
  return undefined;
}

function show(value: TemplateValue, mode: RenderMode): string {
  if (
    value === null ||
    value === undefined ||
    value === false ||
    (typeof value === 'object' && !(value instanceof TrustedLink))
  )
    return '';
  if (value instanceof TrustedLink)
    return mode === 'html' ? `<a href="${escapeHtml(value.url)}">${escapeHtml(value.url)}</a>` : value.url;
  const text = String(value);
  if (mode === 'html') return escapeHtml(text);
  if (mode === 'header') return text.replace(/[\r\n]+/g, ' ');
  return text;
}

function renderNodes(nodes: Node[], scopes: TemplateScope[], mode: RenderMode): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += mode === 'html' ? escapeHtml(node.text) : node.text;
    else if (node.type === 'var') out += show(lookup(scopes, node.name), mode);
    else {
      const value = lookup(scopes, node.name);
      const empty = !value || (Array.isArray(value) && value.length === 0);
      if (node.inverted) {
        if (empty) out += renderNodes(node.children, scopes, mode);
      } else if (Array.isArray(value)) {
        for (const item of value) out += renderNodes(node.children, [...scopes, item], mode);
      } else if (!empty) {
        const scope = typeof value === 'object' && !(value instanceof TrustedLink) ? value : {};
        out += renderNodes(node.children, [...scopes, scope], mode);
      }
    }
  }
  return out;
}

export function renderTemplate(source: string, scope: TemplateScope, mode: RenderMode): string {
  return renderNodes(parseTemplate(source), [scope], mode);
}

/** The HTML alternative of a plain-text body: escaped, blank lines make paragraphs, line breaks stay. */
export function htmlDocument(escapedBody: string): string {
  const paragraphs = escapedBody
    .replace(/\r\n/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p.replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
  return `<!doctype html>\n<html><head><meta charset="utf-8"></head><body style="font-family: Arial, sans-serif; line-height: 1.5">\n${paragraphs}\n</body></html>\n`;
}
