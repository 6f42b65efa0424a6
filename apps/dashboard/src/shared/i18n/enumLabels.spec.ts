import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Polyglot from 'node-polyglot';
import { messages } from '../../i18n';
import { ENUM_LABELS, enumChoices, enumLabelKey } from './enumLabels';

// The dashboard's own messages, flattened as the i18n provider reads them.
const english = new Polyglot({ phrases: messages, locale: 'en' });

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('enum labels', () => {
  it('has an English label for every value of every enum the dashboard shows', () => {
    const missing = Object.entries(ENUM_LABELS).flatMap(([name, { values, key }]) =>
      values.filter((value) => !english.has(`${key}.${value}`)).map((value) => `${name}: ${key}.${value}`),
    );
    expect(missing).toEqual([]);
  });

  it('has no label for a value the enum lacks (a value removed from contracts)', () => {
    const extra = Object.entries(ENUM_LABELS).flatMap(([name, { values, key }]) => {
      const labelled = key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
      return Object.keys((labelled as Record<string, unknown>) ?? {})
        .filter((value) => !(values as readonly string[]).includes(value))
        .map((value) => `${name}: ${key}.${value}`);
    });
    expect(extra).toEqual([]);
  });

  it('are looked up through the registry (typed), not by pasting a value into a key', () => {
    const pasted = sources(join(__dirname, '../..')).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return Object.values(ENUM_LABELS)
        .filter(({ key }) => text.includes(`${key}.\${`))
        .map(({ key }) => `${file}: ${key}.\${…}`);
    });
    expect(pasted).toEqual([]);
  });

  it('makes choices whose names are the label keys', () => {
    expect(enumChoices('priority')[0]).toEqual({ id: 'low', name: 'resources.cases.priority.low' });
    expect(english.t(enumLabelKey('caseStatus', 'on_hold'))).toBe('On hold');
  });
});
