import { parseDraft, toDraft } from './chasePlanDraft';

describe('chase plan form', () => {
  const defaults = { checkinDays: 14, reminderDays: 7, mpChaseDays: [21, 35], phoneTaskDays: 42 };

  it('round-trips the settings through the form text', () => {
    expect(toDraft(defaults)).toEqual({
      checkinDays: '14',
      reminderDays: '7',
      mpChaseDays: '21, 35',
      phoneTaskDays: '42',
    });
    expect(parseDraft(toDraft(defaults))).toEqual(defaults);
  });

  it('reads the chase days loosely spaced, and none at all as no chases', () => {
    expect(parseDraft({ ...toDraft(defaults), mpChaseDays: ' 21,35 , 49,' })).toMatchObject({
      mpChaseDays: [21, 35, 49],
    });
    expect(parseDraft({ ...toDraft(defaults), mpChaseDays: '' })).toMatchObject({ mpChaseDays: [] });
  });

  it('names the chase days when they are not whole numbers (the API checks the rest)', () => {
    expect(parseDraft({ ...toDraft(defaults), mpChaseDays: '21, three weeks' })).toEqual({ invalid: 'mpChaseDays' });
    expect(parseDraft({ ...toDraft(defaults), mpChaseDays: '21.5' })).toEqual({ invalid: 'mpChaseDays' });
  });
});
