/** The triage inbox (issue 4): placeholder until the page lands. */
export const TriageInbox = () => null;
