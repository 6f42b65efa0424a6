import createClient from 'openapi-fetch';
import type { components, paths } from '../../tmp/openapi/schema';

/**
 * Compiled by `npm run lint` against the types openapi-typescript generates from the exported document:
 * if an operation below loses its parameters or its response schema, this file no longer compiles.
 * It is a check, not a client the app uses.
 */
type Schemas = components['schemas'];
type Operation<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];
type JsonBody<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(proof: Equal<A, B>) => proof;

export async function useEveryKindOfOperation(baseUrl: string) {
  const api = createClient<paths>({ baseUrl, credentials: 'include' });

  const login = await api.POST('/api/auth/login', { body: { email: 'admin@campaign-desk.local', password: 'secret' } });
  same<typeof login.data, Schemas['SessionUser'] | undefined>(true);
  same<typeof login.error, Schemas['ApiErrorBody'] | undefined>(true);
  same<JsonBody<Operation<'/api/auth/login', 'post'>>, Schemas['LoginDto']>(true);

  const cases = await api.GET('/api/cases', {
    params: { query: { sort: '["id","ASC"]', range: '[0,9]', filter: '{"status":"new"}' } },
  });
  same<typeof cases.data, Schemas['CaseListItem'][] | undefined>(true);
  type ListParameters = { sort?: string; range?: string; filter?: string };
  same<Operation<'/api/cases', 'get'>['parameters']['query'], ListParameters | undefined>(true);
  const first = cases.data?.[0];
  if (!first) return undefined;

  const detail = await api.GET('/api/cases/{id}', { params: { path: { id: first.id } } });
  same<typeof detail.data, Schemas['CaseDetail'] | undefined>(true);
  same<Operation<'/api/cases/{id}', 'get'>['parameters']['path'], { id: string }>(true);
  same<Schemas['CaseDetail']['summary'], string | null>(true);

  const supporter = await api.PUT('/api/supporters/{id}', {
    params: { path: { id: first.supporterId } },
    body: { phone: null, address: '1 Example Street', consents: { contactByEmail: true } },
  });
  same<typeof supporter.data, Schemas['SupporterDto'] | undefined>(true);
  same<JsonBody<Operation<'/api/supporters/{id}', 'put'>>, Schemas['UpdateSupporterDto']>(true);
  same<Schemas['SupporterDto']['phone'], string | null>(true);
  same<Schemas['UpdateSupporterDto']['phone'], string | null | undefined>(true);
  return { user: login.data, case: detail.data, supporter: supporter.data };
}
