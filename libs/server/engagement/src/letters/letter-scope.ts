import type { CaseDetail, LetterAsk } from '@campaign-desk/contracts';
import { LONDON } from '@campaign-desk/server-core';
import type { TemplateScope } from '@campaign-desk/server-correspondence';

const longDate = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: 'long', year: 'numeric' });

/** Each ask as the letter words it (the guidance: say what you would like your MP to do). */
export function askText(ask: LetterAsk, trust: string | null): string {
  switch (ask) {
    case 'write_to_trust_ceo':
      return `Write to the chief executive of ${trust?.trim() || 'the hospital trust'} about my care`;
    case 'raise_with_health_minister':
      return 'Raise my case with the health minister';
    case 'ask_question_in_parliament':
      return 'Ask a question in Parliament about what has happened to me';
    case 'meet_supporter':
      return 'Meet me to talk about my care and what can be done';
  }
}

export interface LetterFacts {
  detail: CaseDetail;
  mp: { name: string; fullTitle: string | null; party: string };
  story: string;
  asks: LetterAsk[];
  now: Date;
  staffName: string | null;
}

/** The `mp_letter` template's placeholders for one case. */
export function letterScope({ detail, mp, story, asks, now, staffName }: LetterFacts): TemplateScope {
  const supporter = detail.supporter && 'address' in detail.supporter ? detail.supporter : null;
  const name = supporter?.name ?? detail.supporterName ?? '';
  return {
    supporter: {
      name,
      firstName: name.split(/\s+/)[0],
      postcode: supporter?.postcode ?? null,
      address: supporter?.address ?? null,
    },
    case: { reference: detail.reference },
    mp: {
      name: mp.name,
      fullTitle: mp.fullTitle?.trim() || mp.name,
      party: mp.party,
      constituency: detail.constituencyName,
    },
    staff: { name: staffName ?? detail.assigneeName ?? 'The campaigns team' },
    letter: { date: longDate.format(now), story: story.trim() },
    asks: asks.map((ask) => ({ text: askText(ask, detail.trust) })),
  };
}
