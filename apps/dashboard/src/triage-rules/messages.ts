/** i18n labels for the triage keyword rules (merged into i18n.ts under `resources`). */
export const triageRulesMessages = {
  'triage-rules': {
    name: 'Keyword rule |||| Keyword rules',
    fields: {
      keyword: 'Keyword or phrase',
      topic: 'Suggested topic',
      priority: 'Suggested urgency',
      active: 'Active',
      q: 'Search',
    },
    help: {
      keyword: 'Matched as a whole phrase, ignoring case, in the subject and text of new requests',
      none: 'No suggestion',
    },
    notifications: {
      created: 'Keyword rule created',
      updated: 'Keyword rule updated |||| %{smart_count} keyword rules updated',
      deleted: 'Keyword rule deleted |||| %{smart_count} keyword rules deleted',
    },
  },
};
