import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject, OperationObject, ParameterObject, ResponseObject } from '@nestjs/swagger';
import request from 'supertest';
import { exportApiDocument } from '../../apps/api/src/openapi/export-document';
import { prepareTestEnv, startApi } from '../support/test-app';

const VERBS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function operations(document: OpenAPIObject): [string, OperationObject][] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    VERBS.filter((verb) => item[verb]).map((verb): [string, OperationObject] => [`${verb} ${path}`, item[verb]!]),
  );
}

describe('the OpenAPI document', () => {
  let app: NestExpressApplication;
  let served: OpenAPIObject;
  let exported: { document: OpenAPIObject; problems: string[] };

  beforeAll(async () => {
    await prepareTestEnv();
    app = await startApi();
    served = (await request(app.getHttpServer()).get('/api/docs/openapi.json').expect(200)).body;
    exported = await exportApiDocument();
  });
  afterAll(() => app?.close());

  it('the API serves is the one exported without a database (npm run lint checks that one)', () => {
    expect(exported.problems).toEqual([]);
    expect(served).toEqual(JSON.parse(JSON.stringify(exported.document)));
  });

  it('declares sort, range and filter and the Content-Range header on every list', () => {
    const lists = operations(served).filter(([, op]) => op.responses['200'] && 'headers' in op.responses['200']);
    expect(lists.map(([name]) => name)).toEqual(expect.arrayContaining(['get /api/cases', 'get /api/supporters']));
    for (const [name, op] of lists) {
      const names = ((op.parameters ?? []) as ParameterObject[]).map((p) => `${p.in}:${p.name}`);
      expect({ name, names }).toEqual({
        name,
        names: expect.arrayContaining(['query:sort', 'query:range', 'query:filter']),
      });
      const ok = op.responses['200'] as ResponseObject;
      expect({ name, header: Object.keys(ok.headers ?? {}) }).toEqual({ name, header: ['Content-Range'] });
      expect({ name, type: (ok.content?.['application/json']?.schema as { type?: string })?.type }).toEqual({
        name,
        type: 'array',
      });
    }
  });

  it('names the fields each list sorts by, id first (react-admin sorts by id by default)', () => {
    const sort = ((served.paths['/api/cases'].get?.parameters ?? []) as ParameterObject[]).find(
      (p) => p.name === 'sort',
    );
    expect(sort?.schema).toMatchObject({ type: 'string', pattern: expect.stringContaining('(id|createdAt|') });
  });

  it('declares a response for every operation, with a schema unless it answers no body', () => {
    for (const [name, op] of operations(served)) {
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      expect({ name, success: success.length }).toEqual({ name, success: 1 });
      const [status, response] = success[0] as [string, ResponseObject];
      if (status !== '204') expect({ name, content: Boolean(response.content) }).toEqual({ name, content: true });
    }
  });

  it('types a nullable string as a nullable string, not an object', () => {
    const phone = (served.components?.schemas?.UpdateSupporterDto as { properties: Record<string, unknown> }).properties
      .phone;
    expect(phone).toMatchObject({ type: 'string', nullable: true });
  });
});
