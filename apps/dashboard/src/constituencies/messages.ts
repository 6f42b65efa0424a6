/** i18n labels for the constituencies resource (merged into i18n.ts). */
export const constituenciesMessages = {
  constituencies: {
    name: 'Constituency |||| Constituencies',
    fields: {
      name: 'Name',
      nameCy: 'Welsh name',
      nation: 'Nation',
      region: 'Region',
      type: 'Type',
      mp: 'MP',
      party: "MP's party",
      q: 'Search',
    },
    nations: { England: 'England', Scotland: 'Scotland', Wales: 'Wales', 'Northern Ireland': 'Northern Ireland' },
  },
};
