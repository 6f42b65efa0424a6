/**
 * The sample wording of the charity's letter template (what supporters are told to replace with
 * their own story). A draft whose story is too close to it gets a warning.
 */
export const SAMPLE_STORIES: readonly string[] = [
  [
    'I am writing to you as my MP because I am worried about the cancer care I have received.',
    'I was diagnosed with [type of cancer] in [month and year] and I have been waiting [number] weeks for my treatment to start at [hospital].',
    'The delay has had a serious effect on me and my family, and I do not feel that my concerns have been listened to.',
    'I would like you to help me get answers about why this has happened and make sure it does not happen to anyone else.',
  ].join(' '),
];
