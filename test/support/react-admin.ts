import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, type DataProvider } from 'ra-core';
import { StaffUsersService } from '@campaign-desk/server-auth';
import { DirectoryService } from '@campaign-desk/server-directory';
import { SupportersService } from '@campaign-desk/server-supporters';
import { seedDemoCasework } from '../../apps/api/src/cli/demo-casework';
import { seedDemoSupporters } from '../../apps/api/src/cli/demo-supporters';
import { DEMO_USERS } from '../../apps/api/src/cli/demo-users';
import { importDirectory } from './directory';
import { createStaff, prepareTestEnv, startApi, uniqueAddress } from './test-app';

/** The API with the directory and the demo data loaded, listening on an ephemeral port. */
export async function startDemoApi(): Promise<{ app: NestExpressApplication; baseUrl: string }> {
  await prepareTestEnv();
  const app = await startApi();
  await importDirectory(app);
  await seedDemoSupporters(app.get(DirectoryService), app.get(SupportersService));
  for (const user of DEMO_USERS) await app.get(StaffUsersService).createOrReset(user);
  await seedDemoCasework(app, () => undefined);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}/api` };
}

/** react-admin's own data provider, signed in as an admin over real HTTP, as the dashboard uses it. */
export async function signedInProvider(baseUrl: string, app: NestExpressApplication): Promise<DataProvider> {
  const admin = await createStaff(app, 'admin');
  const login = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': uniqueAddress() },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return simpleRestProvider(baseUrl, (url: string, options: fetchUtils.Options = {}) =>
    fetchUtils.fetchJson(url, { ...options, headers: new Headers({ ...options.headers, Cookie: cookie }) }),
  );
}
