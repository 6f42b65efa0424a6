import type { INestApplicationContext } from '@nestjs/common';
import type { CaseStatus, Priority, SessionUser, SupporterDto, Topic } from '@campaign-desk/contracts';
import { CaseAssignmentService, CaseListService, CasesService, CaseWorkflowService } from '@campaign-desk/server-cases';
import { MpContactsService } from '@campaign-desk/server-engagement';
import { IntakeService } from '@campaign-desk/server-intake';
import { SupportersService } from '@campaign-desk/server-supporters';
import { StaffUsersService } from '@campaign-desk/server-auth';
import { DEMO_USERS } from './demo-users';

/**
 * Demo casework on top of the demo supporters: a handful of supporter emails waiting in the triage
 * inbox (stored through intake like any other, so the worker parses them when it starts), and cases
 * spread over the workflow, some with the MP contacted so their chase plans are scheduled.
 * Idempotent: emails have fixed Message-IDs, and cases are only created when there are none.
 */
const TRIAGE_EMAILS: { from: string; name: string; subject: string; body: string }[] = [
  {
    from: 'marion.keane@example.org',
    name: 'Marion Keane',
    subject: 'My husband has waited 9 weeks for his scan results',
    body: 'Hello,\n\nMy husband was referred urgently in September and we are still waiting weeks for his CT results. The hospital will not give us a date.\nWe live at 14 Mill Lane, SW1A 2AA.\n\nCan you help us write to our MP?\n\nMarion',
  },
  {
    from: 'dev.patel.demo@example.org',
    name: 'Dev Patel',
    subject: 'Cancelled surgery twice - what can I do?',
    body: 'Hi,\n\nMy mum had her cancelled surgery rescheduled twice at Leeds Teaching Hospitals NHS Trust. She is in a lot of pain.\nOur postcode is LS1 4AP.\n\nThanks,\nDev',
  },
  {
    from: 'sian.morgan@example.org',
    name: 'Siân Morgan',
    subject: 'Access to a new drug in Wales',
    body: 'Dear team,\n\nMy oncologist says a new medicine could help me but it is not available to me yet. I am in CF10 3NQ.\nI would like to tell my MP about this.\n\nDiolch,\nSiân',
  },
  {
    from: 'george.h@example.org',
    name: 'George Hall',
    subject: 'Palliative care for my father',
    body: 'My father is terminal and we are struggling to get palliative care at home. We are in M1 1AE.\nI saw your guidance about contacting your MP and want to do that.\n\nGeorge',
  },
  {
    from: 'newsletter@example.com',
    name: 'Health Deals',
    subject: 'WIN a free holiday!!!',
    body: 'Click here to claim your prize. Unsubscribe at any time.',
  },
];

const CASE_PLAN: {
  status: CaseStatus;
  topics: Topic[];
  priority: Priority;
  trust: string;
  summary: string;
  contacted?: number;
}[] = [
  {
    status: 'new',
    topics: ['diagnosis_delay'],
    priority: 'high',
    trust: 'Manchester University NHS Foundation Trust',
    summary: 'Waited eleven weeks for a biopsy result after an urgent referral.',
  },
  {
    status: 'new',
    topics: ['communication'],
    priority: 'normal',
    trust: 'Cardiff and Vale University Health Board',
    summary: 'Nobody has explained the treatment plan; letters arrive after appointments.',
  },
  {
    status: 'triaged',
    topics: ['treatment_waiting_time'],
    priority: 'urgent',
    trust: 'Leeds Teaching Hospitals NHS Trust',
    summary: 'Surgery cancelled twice; pain is getting worse.',
  },
  {
    status: 'in_progress',
    topics: ['access_to_medicines'],
    priority: 'high',
    trust: 'NHS Greater Glasgow and Clyde',
    summary: 'A recommended medicine is not yet available locally.',
  },
  {
    status: 'in_progress',
    topics: ['quality_of_care'],
    priority: 'normal',
    trust: 'University Hospitals Bristol and Weston NHS Foundation Trust',
    summary: 'Poor pain management on the ward after surgery.',
  },
  {
    status: 'awaiting_mp',
    topics: ['treatment_waiting_time'],
    priority: 'high',
    trust: "Guy's and St Thomas' NHS Foundation Trust",
    summary: 'Radiotherapy start date keeps moving.',
    contacted: 10,
  },
  {
    status: 'awaiting_mp',
    topics: ['diagnosis_delay', 'communication'],
    priority: 'normal',
    trust: 'Newcastle upon Tyne Hospitals NHS Foundation Trust',
    summary: 'Scan results lost twice.',
    contacted: 25,
  },
  {
    status: 'awaiting_mp',
    topics: ['access_to_medicines'],
    priority: 'normal',
    trust: 'Oxford University Hospitals NHS Foundation Trust',
    summary: 'Funding for a drug refused without explanation.',
    contacted: 3,
  },
  {
    status: 'on_hold',
    topics: ['quality_of_care'],
    priority: 'low',
    trust: 'Norfolk and Norwich University Hospitals NHS Foundation Trust',
    summary: 'Supporter asked to pause after a bereavement.',
  },
  {
    status: 'closed',
    topics: ['other'],
    priority: 'normal',
    trust: 'Royal Free London NHS Foundation Trust',
    summary: 'Resolved after the MP wrote to the trust.',
  },
];

const PATH_TO: { [S in CaseStatus]?: CaseStatus[] } = {
  triaged: ['triaged'],
  in_progress: ['triaged', 'in_progress'],
  awaiting_mp: ['triaged', 'in_progress'],
  on_hold: ['triaged', 'on_hold'],
  closed: ['triaged', 'in_progress', 'closed'],
};

function rawEmail(email: (typeof TRIAGE_EMAILS)[number], n: number): Buffer {
  const date = new Date(Date.now() - (n + 1) * 47 * 60_000).toUTCString();
  return Buffer.from(
    [
      `From: ${email.name} <${email.from}>`,
      'To: Campaigns Team <campaigns@campaign-desk.local>',
      `Subject: ${email.subject}`,
      `Date: ${date}`,
      `Message-ID: <demo-triage-${n}@example.org>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      email.body,
      '',
    ].join('\r\n'),
  );
}

async function seedTriageInbox(intake: IntakeService): Promise<number> {
  let stored = 0;
  for (const [n, email] of TRIAGE_EMAILS.entries()) {
    const receipt = await intake.accept(rawEmail(email, n), 'upload');
    if (!receipt.duplicate) stored++;
  }
  return stored;
}

async function seedCases(app: INestApplicationContext, caseworker: SessionUser): Promise<number> {
  const existing = await app
    .get(CaseListService)
    .list({ sort: { field: 'createdAt', order: 'DESC' }, offset: 0, limit: 1, filter: {} }, false, {
      user: caseworker,
      ip: null,
    });
  if (existing.rows.length) return 0;
  const cases = app.get(CasesService);
  const [people] = (await app
    .get(SupportersService)
    .list({ sort: { field: 'name', order: 'ASC' }, offset: 0, limit: 200, filter: {} }, 'full')) as [
    SupporterDto[],
    number,
  ];
  const consenting = people.filter((p) => !p.onHold && p.consents.contactByEmail && p.mp);
  const workflow = app.get(CaseWorkflowService);
  const assignment = app.get(CaseAssignmentService);
  const contacts = app.get(MpContactsService);
  const actor = { id: caseworker.id, ip: '127.0.0.1' };
  let created = 0;
  for (const [i, plan] of CASE_PLAN.entries()) {
    const supporter = consenting[(i * 7) % consenting.length];
    if (!supporter) break;
    const made = await cases.create(
      {
        supporterId: supporter.id,
        topics: plan.topics,
        priority: plan.priority,
        summary: plan.summary,
        trust: plan.trust,
      },
      actor,
    );
    if (plan.status !== 'new' && i % 3 !== 1) await assignment.assign(made.id, caseworker.id, actor);
    for (const to of PATH_TO[plan.status] ?? [])
      await workflow.transition(made.id, to === 'closed' ? { to, outcome: 'resolved' } : { to }, actor);
    if (plan.contacted !== undefined) {
      const date = new Date(Date.now() - plan.contacted * 86_400_000).toISOString().slice(0, 10);
      await contacts.record(
        made.id,
        {
          channel: 'letter',
          direction: 'outbound',
          contactedBy: 'supporter',
          date,
          summary: 'Signed letter posted by the supporter',
        },
        { user: caseworker, ip: '127.0.0.1' },
      );
    }
    created++;
  }
  return created;
}

/** Part of `npm run seed:demo`, after the demo users and supporters. */
export async function seedDemoCasework(app: INestApplicationContext, write: (text: string) => void): Promise<void> {
  const stored = await seedTriageInbox(app.get(IntakeService));
  write(`Demo triage inbox: ${stored} emails stored (the worker parses them)\n`);
  const demo = DEMO_USERS.find((u) => u.role === 'caseworker');
  if (!demo) return;
  const { user } = await app.get(StaffUsersService).createIfMissing(demo);
  const created = await seedCases(app, { id: user.id, email: user.email, name: user.name, role: user.role });
  write(created ? `Demo cases: ${created} created\n` : 'Demo cases: already there\n');
}
