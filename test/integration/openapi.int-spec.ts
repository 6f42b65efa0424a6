import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject, OperationObject, ParameterObject, ResponseObject } from '@nestjs/swagger';
import request from 'supertest';
import * as contracts from '@campaign-desk/contracts';
import generated from '../../apps/api/src/openapi/api-types.generated.json';
import { exportApiDocument } from '../../apps/api/src/openapi/export-document';
import { CONTRACTS_ENUM } from '../../apps/api/src/openapi/generated-types';
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

  it('reads each enum component from its contracts array, so the generated file names the array, not its values', () => {
    const named = Object.entries(generated.schemas).flatMap(([name, schema]) =>
      CONTRACTS_ENUM in schema ? [[name, String((schema as Record<string, unknown>)[CONTRACTS_ENUM])]] : [],
    );
    expect(named).toEqual(
      expect.arrayContaining([
        ['Topic', 'TOPICS'],
        ['CaseStatus', 'CASE_STATUSES'],
      ]),
    );
    for (const [name, array] of named) {
      const values = (contracts as unknown as Record<string, readonly string[]>)[array];
      expect({ name, schema: served.components?.schemas?.[name] }).toEqual({
        name,
        schema: { type: 'string', enum: [...values] },
      });
    }
    expect(JSON.stringify(generated)).not.toContain(contracts.TOPICS[0]);
    expect(JSON.stringify(served)).not.toContain(CONTRACTS_ENUM);
  });

  it('keeps a nullable enum nullable, around the reference', () => {
    const property = (served.components?.schemas?.TriageRuleDto as { properties: Record<string, unknown> }).properties
      .topic;
    expect(property).toEqual({ type: 'string', allOf: [{ $ref: '#/components/schemas/Topic' }], nullable: true });
  });

  it("declares the reports' query parameters", () => {
    const query = (path: string) =>
      Object.fromEntries(
        ((served.paths[path].get?.parameters ?? []) as ParameterObject[]).map((p) => [
          p.name,
          { in: p.in, required: p.required, schema: p.schema },
        ]),
      );
    const date = { in: 'query', required: true, schema: { type: 'string', format: 'date' } };
    const format = { in: 'query', required: false, schema: { type: 'string', enum: ['json', 'csv'] } };
    expect(query('/api/reports/mp-engagement')).toEqual({
      from: date,
      to: date,
      groupBy: {
        in: 'query',
        required: false,
        schema: { type: 'string', enum: [...contracts.REPORT_GROUP_BY], default: 'mp' },
      },
      format,
    });
    expect(query('/api/reports/topics-by-nation')).toEqual({ from: date, to: date, format });
    expect(query('/api/reports/workload')).toEqual({ format });
    expect(query('/api/reports/summary')).toEqual({});
  });
});
