/** i18n labels for the postcode lookup shown under postcode inputs and on the supporter page (merged into i18n.ts). */
export const postcodeMessages = {
  postcode: {
    lookupMethods: {
      exact: 'Exact postcode match',
      sector: 'By postcode sector (the full postcode is not in the directory)',
      district: 'By postcode district (outward code only)',
      online: 'Online lookup (postcodes.io)',
      not_covered: 'Not covered offline: choose the seat',
    },
    notLookedUp: 'Not looked up',
  },
};
