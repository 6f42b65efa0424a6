import type { INestApplicationContext } from '@nestjs/common';
import { AppConfig, InstallSettings, isReservedEmailAddress } from '@campaign-desk/server-core';
import { StaffUsersService } from '@campaign-desk/server-auth';
import { DirectoryImportService } from '@campaign-desk/server-directory';
import { SupportersService } from '@campaign-desk/server-supporters';
import type { SupporterDto } from '@campaign-desk/contracts';
import { seedDemoCasework } from './demo-casework';
import { seedDemoDirectoryAndSupporters } from './demo-supporters';
import { DEMO_USERS } from './demo-users';

export type DemoSeedOutcome = { loaded: true } | { loaded: false; reason: string };

/** What a database holds that only use (or the demo seed) puts there; the directory does not count. */
const IN_USE_TABLES = ['staff_users', 'supporters', 'cases', 'raw_messages'] as const;

/**
 * `npm run seed:demo` (and `npm start` on a development machine): demo sign-ins, supporters and
 * casework, only ever into a database that is the demo's. It refuses under NODE_ENV=production and
 * on a database holding data it did not create; it marks the database it seeds (`install_settings`
 * `demo_seed`), never changes an existing account, and gives the MPs stand-in addresses at a
 * reserved domain so nothing the demo schedules can reach a real office (the sender also refuses
 * any other address in a demo database).
 */
export async function seedDemo(app: INestApplicationContext, write: (text: string) => void): Promise<DemoSeedOutcome> {
  if (app.get(AppConfig).NODE_ENV === 'production') {
    return { loaded: false, reason: 'NODE_ENV=production: demo data is never loaded' };
  }
  const refusal = await claimForDemo(app);
  if (refusal) return { loaded: false, reason: refusal };

  const users = app.get(StaffUsersService);
  write('Demo sign-ins:\n');
  for (const demo of DEMO_USERS) {
    const { created } = await users.createIfMissing(demo);
    write(
      created
        ? `  ${demo.role.padEnd(10)} ${demo.email}  /  ${demo.password}\n`
        : `  ${demo.role.padEnd(10)} ${demo.email}  (already there: its password and status are as it was left)\n`,
    );
  }
  await seedDemoDirectoryAndSupporters(app, write);
  const standIns = await app.get(DirectoryImportService).useStandInAddresses();
  if (standIns) write(`Demo MPs: ${standIns} addresses replaced by stand-ins at a reserved domain\n`);
  await seedDemoCasework(app, write);
  return { loaded: true };
}

/**
 * Null when the demo may seed this database: it is marked as the demo's, or it is empty (marked
 * now, before anything is written), or it was seeded before the marker existed (only the demo
 * sign-ins and supporters at reserved domains). Otherwise why not, in one line.
 */
async function claimForDemo(app: INestApplicationContext): Promise<string | null> {
  const settings = app.get(InstallSettings);
  if (await settings.get('demo_seed')) return null;
  const counts = await settings.rowCounts(IN_USE_TABLES);
  const empty = IN_USE_TABLES.every((t) => counts[t] === 0);
  if (!empty && !(await seededBeforeTheMarker(app))) {
    const held = IN_USE_TABLES.filter((t) => counts[t] > 0)
      .map((t) => `${counts[t]} ${t.replace('_', ' ')}`)
      .join(', ');
    return `this database holds data the demo seed did not create (${held}); demo data is only loaded into an empty database`;
  }
  await settings.getOrCreate('demo_seed', () => JSON.stringify({ seededAt: new Date().toISOString() }));
  return null;
}

async function seededBeforeTheMarker(app: INestApplicationContext): Promise<boolean> {
  const demoEmails = new Set(DEMO_USERS.map((u) => u.email));
  const [staff, staffTotal] = await app
    .get(StaffUsersService)
    .list({ sort: { field: 'id', order: 'ASC' }, offset: 0, limit: 50, filter: {} });
  if (staffTotal > DEMO_USERS.length || !staff.every((u) => demoEmails.has(u.email))) return false;
  const supporters = app.get(SupportersService);
  for (let offset = 0; ; offset += 200) {
    const [page, total] = await supporters.list(
      { sort: { field: 'id', order: 'ASC' }, offset, limit: 200, filter: {} },
      'full',
    );
    if (total > 2_000) return false;
    if (!(page as SupporterDto[]).every((s) => !s.email || isReservedEmailAddress(s.email))) return false;
    if (page.length < 200) return true;
  }
}
