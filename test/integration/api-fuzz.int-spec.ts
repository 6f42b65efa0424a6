import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Test as Request } from 'supertest';
import { prepareTestEnv, signedInAgent, startApi } from '../support/test-app';
import {
  BAD_LIST_PARAMS,
  BAD_PATH_VALUES,
  BAD_QUERY_VALUES,
  badFilterValues,
  bodyVariants,
  FILTER_KEYS,
  type OpenApiDocument,
  type Operation,
  pathWith,
  SAMPLE_PATH_VALUES,
} from '../support/api-fuzz';

type Agent = Awaited<ReturnType<typeof signedInAgent>>['agent'];

/**
 * Every operation of the OpenAPI document the API serves, fed wrong-typed path parameters, malformed list
 * parameters (`sort`, `range`, `filter`), bad values of its declared query parameters, and bodies with each
 * property of the wrong type, NUL bytes and huge strings: none may answer 5xx.
 */
describe('every operation of the OpenAPI document answers bad input with a 4xx', () => {
  let app: NestExpressApplication;
  let agent: Agent;
  let operations: Operation[];
  let document: OpenApiDocument;

  beforeAll(async () => {
    await prepareTestEnv();
    app = await startApi();
    ({ agent } = await signedInAgent(app, 'admin'));
    document = (await agent.get('/api/docs/openapi.json').expect(200)).body as OpenApiDocument;
    operations = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        // Signing out would end the fuzzing session; its input is an empty POST anyway.
        .filter(([method]) => ['get', 'post', 'put', 'delete', 'patch'].includes(method))
        .filter(([method]) => !(method === 'post' && path === '/api/auth/logout'))
        .map(([method, op]) => ({ method: method as Operation['method'], path, op })),
    );
  });
  afterAll(() => app?.close());

  const send = (operation: Operation, url: string, body?: unknown): Request => {
    const req = agent[operation.method](url);
    return body === undefined ? req : req.set('Content-Type', 'application/json').send(JSON.stringify(body));
  };

  async function collect(cases: Array<{ operation: Operation; url: string; body?: unknown }>): Promise<string[]> {
    const failures: string[] = [];
    for (const { operation, url, body } of cases) {
      const res = await send(operation, url, body);
      if (res.status >= 500) {
        const shown = body === undefined ? '' : ` body=${JSON.stringify(body).slice(0, 300)}`;
        failures.push(`${operation.method.toUpperCase()} ${url.slice(0, 300)}${shown} → ${res.status} ${res.text}`);
      }
    }
    return failures;
  }

  const report = (failures: string[]) => {
    if (failures.length) throw new Error(`${failures.length} answers were 5xx:\n  ${failures.join('\n  ')}`);
  };

  it('finds the operations', () => {
    expect(operations.length).toBeGreaterThan(50);
  });

  it('answers wrong-typed path parameters with a 4xx', async () => {
    const cases = operations.flatMap((operation) => {
      const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
      return names.flatMap((name) =>
        BAD_PATH_VALUES.map((value) => ({ operation, url: pathWith(operation.path, { [name]: value }) })),
      );
    });
    expect(cases.length).toBeGreaterThan(100);
    report(await collect(cases));
  });

  it('answers malformed sort, range and filter with a 4xx', async () => {
    const cases = operations.flatMap((operation) =>
      BAD_LIST_PARAMS.map((query) => ({ operation, url: `${pathWith(operation.path)}?${query}` })),
    );
    report(await collect(cases));
  });

  it('answers wrong-typed values of each filter a list accepts with a 4xx', async () => {
    const lists = operations.filter((o) => o.method === 'get' && !o.path.includes('{'));
    const cases: Array<{ operation: Operation; url: string }> = [];
    for (const operation of lists) {
      for (const key of FILTER_KEYS) {
        // Fuzz the keys a list takes: not refused by name, and answered as a list (or refused for its value).
        const probe = await agent.get(`${operation.path}?filter=${encodeURIComponent(JSON.stringify({ [key]: 'x' }))}`);
        const refusedKey = /cannot filter by|not a supported/.test(String(probe.body?.message));
        if (!refusedKey && (probe.headers['content-range'] || probe.status >= 400))
          cases.push(...badFilterValues(key).map((query) => ({ operation, url: `${operation.path}?${query}` })));
      }
    }
    expect(cases.length).toBeGreaterThan(100);
    report(await collect(cases));
  }, 180_000);

  it('answers bad values of declared query parameters with a 4xx', async () => {
    const cases = operations.flatMap((operation) =>
      (operation.op.parameters ?? [])
        .filter((p) => p.in === 'query')
        .flatMap((p) =>
          BAD_QUERY_VALUES(p.name).map((query) => ({ operation, url: `${pathWith(operation.path)}?${query}` })),
        ),
    );
    report(await collect(cases));
  });

  it('answers bodies of the wrong shape, wrong-typed properties, NUL bytes and huge strings with a 4xx', async () => {
    const cases = operations
      .filter((operation) => operation.op.requestBody)
      .flatMap((operation) =>
        bodyVariants(document, operation).map((body) => ({ operation, url: pathWith(operation.path), body })),
      );
    expect(cases.length).toBeGreaterThan(200);
    report(await collect(cases));
  });

  it('still has its session (no operation signed it out)', async () => {
    await agent.get('/api/auth/me').expect(200);
    expect(SAMPLE_PATH_VALUES.id).toBeDefined();
  });
});
