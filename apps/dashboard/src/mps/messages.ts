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
    addressStatus: {
      chip: 'Address bouncing',
      notice:
        "Emails to this MP's address bounced (since %{since}): nothing more is sent to it until the address is checked and the warning cleared.",
      clear: 'Address checked: clear',
      cleared: 'Warning cleared: emails to this MP will be sent again',
    },
    tenureEndReasons: {
      replaced: 'Replaced (election or by-election)',
      party_change: 'Changed party',
      vacated: 'Seat vacated',
    },
  },
};
