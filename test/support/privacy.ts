import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { execFile } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import type { CaseDetail, SupporterDto } from '@campaign-desk/contracts';
import { AppConfig, CoreModule, londonDate } from '@campaign-desk/server-core';
import { CaseNumberReferenceResolver, CasesIntakeModule } from '@campaign-desk/server-cases';
import type { ImapFlow } from 'imapflow';
import {
  ImapPollerService,
  IntakeWorkerModule,
  MessageParserService,
  type PollResult,
} from '@campaign-desk/server-intake';
import { SupportersService } from '@campaign-desk/server-supporters';
import { importDirectory } from './directory';
import { connectMailbox, startDovecot, type Dovecot } from './dovecot';
import { INBOUND_TOKEN, postEmail, uniqueId } from './intake';
import { prepareTestEnv, signedInAgent, startApi, type TestEnv } from './test-app';
import { withDb } from './test-database';
import { REDIS_URL } from './test-env';

/** Intake's worker side (parser and IMAP poller) without the job runner: the tests parse and poll by hand. */
export async function startIntakeWorker(): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [CoreModule, IntakeWorkerModule.withCaseReferences(CasesIntakeModule, CaseNumberReferenceResolver)],
  }).compile();
  await moduleRef.init();
  return moduleRef;
}

/** A marker of one field: lower-case (tsvectors fold case), unique to this run. */
export const marker = (label: string) => `zq${randomBytes(5).toString('hex')}${label}`;

/** A message with a plain-text attachment (7bit, so its marker is literal in the raw MIME). */
export function emailWithAttachment(o: {
  from: string;
  messageId: string;
  subject: string;
  body: string;
  attachmentName: string;
  attachment: string;
}): Buffer {
  const boundary = `b-${randomBytes(4).toString('hex')}`;
  return Buffer.from(
    [
      `From: ${o.from}`,
      'To: Campaigns <campaigns@campaign-desk.local>',
      `Subject: ${o.subject}`,
      'Date: Mon, 23 Nov 2026 09:00:00 +0000',
      `Message-ID: <${o.messageId}>`,
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      o.body,
      `--${boundary}`,
      `Content-Type: text/plain; name="${o.attachmentName}"`,
      `Content-Disposition: attachment; filename="${o.attachmentName}"`,
      'Content-Transfer-Encoding: 7bit',
      '',
      o.attachment,
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}

export interface Subject {
  supporter: SupporterDto;
  caseId: string;
  reference: string;
  markers: Record<string, string>;
  /** The webhook delivery, to send again. */
  webhookRaw: Buffer;
  /** The reply delivered by IMAP. */
  imapRaw: Buffer;
}

/**
 * A supporter with a case holding every kind of record, each carrying its own marker: the supporter's
 * fields, a message by webhook with an attachment, a reply by IMAP (`deliverImap` appends and polls), a note,
 * a letter, an MP contact (its chase plan), a past meeting with an agreed action (thank-you and chase
 * drafted) and a composed reply to the supporter.
 */
export async function seedSubject({ api, worker, caseworker, deliverImap }: PrivacyEnv): Promise<Subject> {
  const agent = caseworker.agent;
  const m = Object.fromEntries(
    [
      'name',
      'email',
      'addr',
      'subj',
      'body',
      'mid',
      'file',
      'attach',
      'summary',
      'imapsubj',
      'imapbody',
      'imapmid',
      'note',
      'story',
      'contact',
      'location',
      'attendees',
      'mnotes',
      'action',
      'reply',
      'audit',
      'unparsed',
    ].map((k) => [k, marker(k)]),
  );
  const phone = `07700 9${String(randomInt(0, 100000)).padStart(5, '0')}`;
  const email = `${m.email}@example.org`;
  const supporter = await api.get(SupportersService).create(
    {
      name: `Ann ${m.name}`,
      email,
      phone,
      address: `1 ${m.addr} Street, London`,
      postcode: 'WC1E 6BT',
      consents: { contactByEmail: true, shareWithMp: true, shareWithTrust: false, media: false },
      createAnyway: true,
    },
    { id: null },
  );
  const markers = { ...m, phone: (supporter.phone ?? phone).replace(/\s/g, '') };

  const webhookRaw = emailWithAttachment({
    from: `Ann ${m.name} <${email}>`,
    messageId: `${m.mid}@mail.example.org`,
    subject: `Please help ${m.subj}`,
    body: `My treatment is late ${m.body}`,
    attachmentName: `${m.file}.txt`,
    attachment: `Hospital letter ${m.attach}`,
  });
  const received = await postEmail(api, webhookRaw).expect(202);
  await worker.get(MessageParserService).parse(received.body.messageId);

  const created = await agent
    .post('/api/cases')
    .send({
      supporterId: supporter.id,
      topics: ['treatment_waiting_time'],
      priority: 'normal',
      summary: `Waiting ${m.summary}`,
      messageId: received.body.messageId,
    })
    .expect(201);
  const found = created.body as CaseDetail;

  const imapRaw = Buffer.from(
    [
      `From: Ann ${m.name} <${email}>`,
      'To: Campaigns <campaigns@campaign-desk.local>',
      `Subject: Re: [${found.reference}] ${m.imapsubj}`,
      'Date: Tue, 24 Nov 2026 09:00:00 +0000',
      `Message-ID: <${m.imapmid}@mail.example.org>`,
      `In-Reply-To: <${m.mid}@mail.example.org>`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      `Still waiting ${m.imapbody}`,
      '',
    ].join('\r\n'),
  );
  await deliverImap(imapRaw);

  await agent
    .post(`/api/cases/${found.id}/notes`)
    .send({ body: `Called her ${m.note}` })
    .expect(201);
  for (const to of ['triaged', 'in_progress'])
    await agent.post(`/api/cases/${found.id}/transition`).send({ to }).expect(200);
  await agent
    .post(`/api/cases/${found.id}/letter`)
    .send({
      asks: ['write_to_trust_ceo'],
      story: `My GP referred me urgently in June and nobody called for eleven weeks. ${m.story}`,
    })
    .expect(201);
  await agent
    .post(`/api/cases/${found.id}/mp-contacts`)
    .send({ channel: 'letter', direction: 'outbound', date: londonDate(new Date()), summary: `Posted ${m.contact}` })
    .expect(201);
  const dueDate = londonDate(new Date(Date.now() + 20 * 86_400_000));
  await agent
    .post('/api/meetings')
    .send({
      caseId: found.id,
      type: 'in_person',
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
      location: `Office ${m.location}`,
      attendees: `Ann and ${m.attendees}`,
      notes: `Discussed ${m.mnotes}`,
      agreedActions: [{ description: `Write to the CEO ${m.action}`, owner: 'mp', dueDate, chase: true }],
    })
    .expect(201);
  await agent
    .post(`/api/cases/${found.id}/reply`)
    .send({ body: `Thank you ${m.reply}` })
    .expect(201);
  // One more email from them, stored but not parsed yet (the parser is not running): erased all the same.
  await postEmail(
    api,
    Buffer.from(
      [
        `From: <${email}>`,
        'To: campaigns@campaign-desk.local',
        'Subject: One more thing',
        `Message-ID: <${m.unparsed}@mail.example.org>`,
        '',
        `Also ${m.unparsed}`,
        '',
      ].join('\r\n'),
    ),
  ).expect(202);
  // An older event that named the person in its details (today's only carry ids): the erasure strips it.
  await withDb(api.get(AppConfig).DATABASE_URL, (db) =>
    db.query(
      `INSERT INTO audit_events (action, entity_type, entity_id, details) VALUES ('supporter.updated', 'supporter', $1, $2)`,
      [supporter.id, JSON.stringify({ fields: ['email'], previous: `old.${email} ${m.audit}` })],
    ),
  );
  return { supporter, caseId: found.id, reference: found.reference, markers, webhookRaw, imapRaw };
}

export interface PrivacyEnv {
  dovecot: Dovecot;
  env: TestEnv;
  api: NestExpressApplication;
  worker: INestApplicationContext;
  mailbox: ImapFlow;
  admin: Awaited<ReturnType<typeof signedInAgent>>;
  caseworker: Awaited<ReturnType<typeof signedInAgent>>;
  poll(): Promise<Extract<PollResult, { unseen: number }>>;
  /** Appends a message to the mailbox, polls and parses it. */
  deliverImap(raw: Buffer): Promise<void>;
  close(): Promise<void>;
}

/** Dovecot, the API, intake's worker side, the directory, an admin and a caseworker: what the privacy tests share. */
export async function startPrivacyEnv(): Promise<PrivacyEnv> {
  const dovecot = await startDovecot();
  const env = await prepareTestEnv({ INBOUND_TOKEN, IMAP_URL: dovecot.url, IMAP_IDLE: 'false' });
  const api = await startApi();
  const worker = await startIntakeWorker();
  await importDirectory(api);
  const admin = await signedInAgent(api, 'admin');
  const caseworker = await signedInAgent(api, 'caseworker');
  const mailbox = await connectMailbox(dovecot);
  const poll = () => worker.get(ImapPollerService).pollOnce() as Promise<Extract<PollResult, { unseen: number }>>;
  const deliverImap = async (raw: Buffer) => {
    await mailbox.append('INBOX', raw);
    const result = await poll();
    if (result.stored !== 1) throw new Error(`the IMAP poll stored ${result.stored} messages, not 1`);
    const id = await withDb(
      env.databaseUrl,
      async (db) =>
        (await db.query(`SELECT id FROM raw_messages WHERE source = 'imap' ORDER BY received_at DESC LIMIT 1`)).rows[0]
          .id as string,
    );
    await worker.get(MessageParserService).parse(id);
  };
  const close = async () => {
    await mailbox.logout().catch(() => undefined);
    await worker.close();
    await api.close();
    await dovecot.stop();
  };
  return { dovecot, env, api, worker, mailbox, admin, caseworker, poll, deliverImap, close };
}

/** `pg_dump --data-only` of the database, as text. */
export async function dumpDatabase(databaseUrl: string): Promise<string> {
  const { stdout } = await promisify(execFile)('pg_dump', ['--data-only', '--no-owner', databaseUrl], {
    maxBuffer: 512 * 1024 * 1024,
  });
  return stdout;
}

/** Every key of this BullMQ prefix with its contents, as text. */
export async function dumpRedis(prefix: string): Promise<string> {
  const redis = new Redis(REDIS_URL);
  try {
    const out: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        const value =
          type === 'string'
            ? await redis.get(key)
            : type === 'hash'
              ? await redis.hgetall(key)
              : type === 'list'
                ? await redis.lrange(key, 0, -1)
                : type === 'set'
                  ? await redis.smembers(key)
                  : type === 'zset'
                    ? await redis.zrange(key, 0, -1)
                    : type === 'stream'
                      ? await redis.xrange(key, '-', '+')
                      : null;
        out.push(key, JSON.stringify(value));
      }
    } while (cursor !== '0');
    return out.join('\n');
  } finally {
    redis.disconnect();
  }
}

/** The markers found in a dump: as text, or hex-encoded (how pg_dump writes bytea). */
export function markersIn(dump: string, markers: Record<string, string>): string[] {
  const lower = dump.toLowerCase();
  return Object.entries(markers)
    .filter(([, v]) => lower.includes(v.toLowerCase()) || lower.includes(Buffer.from(v).toString('hex')))
    .map(([k]) => k);
}

export const refusedCount = (databaseUrl: string) =>
  withDb(
    databaseUrl,
    async (db) =>
      (await db.query(`SELECT coalesce(sum(refused), 0)::int AS n FROM intake_tombstones`)).rows[0].n as number,
  );

export { uniqueId };
