/** i18n labels for the MPs resource (merged into i18n.ts). */
export const mpsMessages = {
  mps: {
    name: 'MP |||| MPs',
    fields: {
      name: 'Name',
      fullTitle: 'Full title',
      party: 'Party',
      email: 'Email',
      constituencyId: 'Constituency',
      nation: 'Nation',
      region: 'Region',
      current: 'Sitting MP',
      q: 'Search',
    },
    tenureEndReasons: {
      replaced: 'Replaced (election or by-election)',
      party_change: 'Changed party',
      vacated: 'Seat vacated',
    },
  },
};
