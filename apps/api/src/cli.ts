import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { STAFF_ROLES, type StaffRole } from '@campaign-desk/contracts';
import {
  checkPostgres,
  ensureDatabaseRoles,
  exitWith,
  loadConfigOrExit,
  migrateConfigured,
  roleOf,
  startSmtpSink,
} from '@campaign-desk/server-core';
import { PASSWORD_MIN_LENGTH, StaffUsersService } from '@campaign-desk/server-auth';
import { parseArgs, promptHidden } from './cli/args';
import { CliModule } from './cli/cli.module';
import { seedDemo } from './cli/demo-seed';
import { DIRECTORY_IMPORT_USAGE, directoryImportCommand } from './cli/directory-import';

const USAGE = `Usage:
  npm run migrate
  node dist/server/apps/api/src/cli.js db-roles   (as POSTGRES_ADMIN_URL: create the owner and app roles)
  npm run user:create -- --email E --role admin|caseworker|viewer [--name N] [--password P]
  ${DIRECTORY_IMPORT_USAGE}
  npm run seed:demo
  node dist/server/apps/api/src/cli.js smtp-sink [--port 1025] [--dir tmp/mail-sink]`;

async function withServices<T>(fn: (users: StaffUsersService) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  try {
    return await fn(app.get(StaffUsersService));
  } finally {
    await app.close();
  }
}

async function userCreate(args: Record<string, string | true>): Promise<void> {
  const email = typeof args.email === 'string' ? args.email : '';
  const role = args.role as StaffRole;
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) exitWith(`--email: give an email address\n\n${USAGE}`);
  if (!STAFF_ROLES.includes(role)) exitWith(`--role: one of ${STAFF_ROLES.join(', ')}\n\n${USAGE}`);
  const password = typeof args.password === 'string' ? args.password : await promptHidden('Password: ');
  if (password.length < PASSWORD_MIN_LENGTH) exitWith(`--password: at least ${PASSWORD_MIN_LENGTH} characters`);
  const name = typeof args.name === 'string' ? args.name : undefined;
  const { user, created } = await withServices((users) => users.createOrReset({ email, role, password, name }));
  process.stdout.write(`${created ? 'Created' : 'Reset'} ${user.role} ${user.email}\n`);
}

/** Exits 3 with one line on stderr when the demo is refused (production, or a database in use). */
async function seedDemoCommand(): Promise<void> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  try {
    const outcome = await seedDemo(app, (text) => process.stdout.write(text));
    if (!outcome.loaded) {
      process.stderr.write(`Demo data not loaded: ${outcome.reason}\n`);
      process.exitCode = 3;
    }
  } finally {
    await app.close();
  }
}

async function smtpSink(args: Record<string, string | true>): Promise<void> {
  const port = Number(args.port ?? 1025);
  const dir = typeof args.dir === 'string' ? args.dir : 'tmp/mail-sink';
  await startSmtpSink({ port, dir });
  process.stdout.write(`SMTP sink on smtp://127.0.0.1:${port}, saving messages in ${dir}\n`);
  await new Promise(() => undefined); // runs until stopped
}

/** Creates the owner and app roles and the database (as POSTGRES_ADMIN_URL, a superuser): npm start and npm test. */
async function databaseRoles(config: { DATABASE_URL: string; MIGRATION_DATABASE_URL?: string }): Promise<void> {
  if (!config.MIGRATION_DATABASE_URL)
    exitWith('db-roles: set MIGRATION_DATABASE_URL (the owner role) and DATABASE_URL');
  const adminUrl = process.env.POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  await checkPostgres(adminUrl);
  await ensureDatabaseRoles(adminUrl, config.MIGRATION_DATABASE_URL, config.DATABASE_URL);
  process.stdout.write(
    `Database roles ready: ${roleOf(config.MIGRATION_DATABASE_URL)} (owner), ${roleOf(config.DATABASE_URL)} (app)\n`,
  );
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'smtp-sink') return smtpSink(parseArgs(rest));
  // Before the config: production's required settings are beside the point when the answer is no.
  if (command === 'seed-demo' && process.env.NODE_ENV === 'production') {
    process.stderr.write('Demo data not loaded: NODE_ENV=production\n');
    process.exit(3);
  }
  const config = loadConfigOrExit();
  if (command === 'db-roles') return databaseRoles(config);
  await checkPostgres(config.DATABASE_URL);
  const args = parseArgs(rest);
  switch (command) {
    case 'migrate': {
      const applied = await migrateConfigured(config);
      process.stdout.write(applied.length ? `Applied ${applied.join(', ')}\n` : 'Database is up to date\n');
      return;
    }
    case 'user:create':
      await migrateConfigured(config);
      return userCreate(args);
    case 'directory:import':
      await migrateConfigured(config);
      return directoryImportCommand(args);
    case 'seed-demo':
      await migrateConfigured(config);
      return seedDemoCommand();
    default:
      exitWith(USAGE);
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: Error) => exitWith(`Failed: ${error.message}`),
);
