import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Agent } from 'supertest';
import type { CaseDetail, SupporterDto } from '@campaign-desk/contracts';
import { CoreModule } from '@campaign-desk/server-core';
import { CaseNumberReferenceResolver, CasesIntakeModule } from '@campaign-desk/server-cases';
import { EngagementCoreModule } from '@campaign-desk/server-engagement';
import { IntakeWorkerModule, MessageParserService, MessagesService } from '@campaign-desk/server-intake';
import { SupportersService } from '@campaign-desk/server-supporters';
import { caseInProgress } from './correspondence';
import { email, postEmail, uniqueId } from './intake';

/**
 * Intake's parser as the worker wires it (cases resolves `[CD-n]`, engagement adds the MPs a case
 * contacted to its parties), without the job runner: messages are parsed by hand.
 */
export async function startParser(): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      CoreModule,
      IntakeWorkerModule.withCaseReferences(CasesIntakeModule, CaseNumberReferenceResolver),
      EngagementCoreModule,
    ],
  }).compile();
  await moduleRef.init();
  return moduleRef;
}

export interface SeededContactDetails {
  supporter: SupporterDto;
  found: CaseDetail;
  /** The supporter's name, email, phone and postal address, and recognisable pieces of them. */
  markers: string[];
  /** Inbound messages: one filed into the case, one left in triage. */
  messageIds: { inCase: string; inTriage: string };
}

const PERSON = {
  name: 'Marigold Quenby-Fairweather',
  email: 'marigold.quenby@example.org',
  phone: '07700 900461',
  address: '17 Larkspur Mews, London',
};

/**
 * One supporter whose contact details reach every part of the product: a case in progress, their
 * email filed into it and another in triage, a reply sent to them and one queued, an MP contact by
 * email, a meeting, an MP action and a letter draft. `agent` is a signed-in caseworker.
 */
export async function seedContactDetails(
  app: INestApplication,
  agent: Agent,
  parser: INestApplicationContext,
): Promise<SeededContactDetails> {
  const supporter = await app.get(SupportersService).create(
    {
      ...PERSON,
      postcode: 'WC1E 6BT',
      consents: { contactByEmail: true, shareWithMp: true, shareWithTrust: true, media: false },
      createAnyway: true,
    },
    { id: null },
  );
  const found = await caseInProgress(agent, supporter.id);
  const deliver = async (raw: Buffer) => {
    const res = await postEmail(app, raw).expect(202);
    await parser.get(MessageParserService).parse(res.body.messageId);
    return res.body.messageId as string;
  };
  const from = `${PERSON.name} <${PERSON.email}>`;
  const inCase = await deliver(
    email({ from, subject: `Re: [${found.reference}] my scan`, body: `Call me on ${PERSON.phone}.` }),
  );
  const inTriage = await deliver(email({ from, subject: 'Another question', body: 'Is there any news?' }));
  await app.get(MessagesService).recordOutbound({
    rfcMessageId: uniqueId('out'),
    caseId: found.id,
    supporterId: supporter.id,
    fromAddress: 'campaigns@campaign-desk.local',
    fromName: 'Campaigns team',
    to: [{ name: PERSON.name, address: PERSON.email }],
    subject: `Your case [${found.reference}]`,
    text: `Dear ${PERSON.name}, thank you.`,
    sentAt: new Date(),
  });
  await agent
    .post(`/api/cases/${found.id}/reply`)
    .send({ body: `Dear ${PERSON.name}, we have written.` })
    .expect(201);
  const today = new Date().toISOString().slice(0, 10);
  await agent
    .post(`/api/cases/${found.id}/mp-contacts`)
    .send({ channel: 'email', direction: 'outbound', date: today, summary: `Wrote for ${PERSON.name}` })
    .expect(201);
  await agent
    .post('/api/meetings')
    .send({
      caseId: found.id,
      type: 'in_person',
      startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      location: 'Constituency office',
      attendees: `${PERSON.name} and the MP`,
    })
    .expect(201);
  await agent
    .post('/api/mp-actions')
    .send({ caseId: found.id, type: 'wrote_to_trust_ceo', date: today, summary: `About ${PERSON.name}` })
    .expect(201);
  await agent
    .post(`/api/cases/${found.id}/letter`)
    .send({ asks: ['write_to_trust_ceo'], story: 'I have waited fourteen weeks for radiotherapy.' })
    .expect(201);
  const markers = [
    PERSON.name,
    'Quenby',
    PERSON.email,
    'marigold.quenby',
    PERSON.phone,
    PERSON.phone.replace(/\s/g, ''),
    'Larkspur',
  ];
  return { supporter, found, markers, messageIds: { inCase, inTriage } };
}
