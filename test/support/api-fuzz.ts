/** Inputs of the OpenAPI fuzz test (test/integration/api-fuzz.int-spec.ts), derived from the served document. */

export interface SchemaObject {
  type?: string;
  enum?: unknown[];
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  $ref?: string;
  nullable?: boolean;
}

export interface OperationObject {
  parameters?: Array<{ in: string; name: string; schema?: SchemaObject }>;
  requestBody?: { content: Record<string, { schema?: SchemaObject }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'delete' | 'patch';
  path: string;
  op: OperationObject;
}

const NUL = 'a\u0000b';
const HUGE = 'x'.repeat(200_000);

/** Well-formed path values (the records need not exist), for the requests that fuzz something else. */
export const SAMPLE_PATH_VALUES: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000000',
  noteId: '00000000-0000-4000-8000-000000000001',
  actionId: '00000000-0000-4000-8000-000000000002',
  key: 'reply',
  n: '0',
};

export const BAD_PATH_VALUES = [
  'not-a-uuid',
  '0',
  '-1',
  '1.5',
  '99999999999999999999',
  '2147483648',
  '%00',
  'a%00b',
  "'%20OR%201=1--",
  '%E2%82%AC',
  '%FF%FE',
  'x'.repeat(3000),
  'E14001290',
  'null',
  '[]',
];

export function pathWith(path: string, values: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? SAMPLE_PATH_VALUES[name] ?? 'x');
}

const q = (name: string, value: string) => `${name}=${encodeURIComponent(value)}`;

export const BAD_LIST_PARAMS = [
  q('sort', '["nope","ASC"]'),
  q('sort', '["id","SIDEWAYS"]'),
  q('sort', '"id"'),
  q('sort', '[1,2]'),
  q('sort', '{"field":"id"}'),
  q('sort', '['),
  q('sort', NUL),
  q('range', '[0,1e9]'),
  q('range', '[5,1]'),
  q('range', '["a"]'),
  q('range', '[-1,5]'),
  q('range', '[0.5,2]'),
  q('range', '[1e300,1e301]'),
  q('range', '{}'),
  q('range', 'not json'),
  q('filter', '{"id":5}'),
  q('filter', '{"id":{"a":1}}'),
  q('filter', '{"id":["not-a-uuid",{"x":1}]}'),
  q('filter', '[]'),
  q('filter', 'null'),
  q('filter', '"text"'),
  q('filter', '{"status":{"a":1}}'),
  q('filter', '{"q":{"a":1}}'),
  q('filter', '{"q":["a","b"]}'),
  q('filter', `{"q":${JSON.stringify(NUL)}}`),
  q('filter', `{"q":${JSON.stringify(HUGE.slice(0, 5000))}}`),
  q('filter', '{"nope":1}'),
  q('filter', '{"id":"not-a-uuid"}'),
  q('filter', '{"id":["not-a-uuid"]}'),
  q('filter', '{"id":[1e20]}'),
  q('filter', '{"id":[]}'),
  `${q('sort', '["id","ASC"]')}&${q('sort', '["id","ASC"]')}`,
  'filter[a]=1',
  'range[]=0&range[]=5',
  q('unknown', 'x'),
];

export const FILTER_KEYS = [
  'q',
  'caseId',
  'mpId',
  'supporterId',
  'assigneeId',
  'messageId',
  'status',
  'type',
  'kind',
  'channel',
  'direction',
  'priority',
  'topics',
  'topic',
  'nation',
  'region',
  'party',
  'current',
  'constituencyId',
  'dateFrom',
  'dateTo',
  'dueAt_lte',
  'classification',
  'view',
  'role',
  'active',
  'reason',
  'entityType',
  'entityId',
  'actorId',
  'action',
  'from',
  'to',
  'onHold',
  'overdue',
];
const FILTER_VALUES: unknown[] = ['x', 5, -1, 1e20, 1.5, true, null, ['x'], [5], [], { a: 1 }, NUL, '2026-13-45'];

/** A filter key with each wrong-typed value. */
export const badFilterValues = (key: string) =>
  FILTER_VALUES.map((value) => q('filter', JSON.stringify({ [key]: value })));

export const BAD_QUERY_VALUES = (name: string) => [
  q(name, NUL),
  q(name, 'x'.repeat(5000)),
  q(name, '-1'),
  q(name, '99999999999999999999'),
  `${q(name, 'a')}&${q(name, 'b')}`,
  `${name}[a]=1`,
  `${name}=`,
];

function resolve(document: OpenApiDocument, schema: SchemaObject | undefined): SchemaObject {
  if (!schema?.$ref) return schema ?? {};
  const name = schema.$ref.split('/').pop() ?? '';
  return document.components?.schemas?.[name] ?? {};
}

/** A plausible value of the schema, so that a request fails on the one property being fuzzed. */
function sample(document: OpenApiDocument, schema: SchemaObject | undefined, depth = 0): unknown {
  const s = resolve(document, schema);
  if (s.enum?.length) return s.enum[0];
  if (s.type === 'array') return depth > 3 ? [] : [sample(document, s.items, depth + 1)];
  if (s.type === 'number' || s.type === 'integer') return 1;
  if (s.type === 'boolean') return true;
  if (s.properties) {
    if (depth > 3) return {};
    return Object.fromEntries(
      Object.entries(s.properties).map(([key, value]) => [key, sample(document, value, depth + 1)]),
    );
  }
  return 'x';
}

const WRONG_VALUES: unknown[] = [
  12345,
  -1,
  1e308,
  true,
  null,
  {},
  { nested: { deep: 1 } },
  [],
  ['x', 1],
  NUL,
  HUGE,
  '',
  '2026-13-45T99:99:99Z',
];

/** Bodies for one operation: wrong shapes, then its valid sample with each property replaced by each wrong value. */
export function bodyVariants(document: OpenApiDocument, operation: Operation): unknown[] {
  const content = operation.op.requestBody?.content ?? {};
  const schema = resolve(document, content['application/json']?.schema);
  const base = (sample(document, schema) ?? {}) as Record<string, unknown>;
  const variants: unknown[] = [[], 'text', 42, null, [base], { ...base, unknownField: 1 }];
  for (const key of Object.keys(schema.properties ?? {})) {
    for (const wrong of WRONG_VALUES) variants.push({ ...base, [key]: wrong });
    const nested = resolve(document, schema.properties?.[key]);
    const inner = nested.type === 'array' ? resolve(document, nested.items) : nested;
    for (const innerKey of Object.keys(inner.properties ?? {})) {
      const innerBase = sample(document, inner) as Record<string, unknown>;
      for (const wrong of [NUL, 12345, {}, [], null]) {
        const value = { ...innerBase, [innerKey]: wrong };
        variants.push({ ...base, [key]: nested.type === 'array' ? [value] : value });
      }
    }
  }
  return variants;
}
