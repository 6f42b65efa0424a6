/** i18n labels for the supporters resource (merged into i18n.ts). */
export const supportersMessages = {
  supporters: {
    name: 'Supporter |||| Supporters',
    fields: {
      name: 'Name',
      email: 'Email',
      phone: 'Phone',
      address: 'Address',
      postcode: 'Postcode',
      constituencyId: 'Constituency',
      mp: 'MP',
      onHold: 'On hold',
      onHoldReason: 'Reason for the hold',
      createdAt: 'Created',
      updatedAt: 'Updated',
      q: 'Search',
    },
    consentFilter: 'Consent: %{consent}',
    consents: {
      contactByEmail: 'Contact by email',
      shareWithMp: 'Share their story with the MP',
      shareWithTrust: 'Share with the hospital trust',
      media: 'Media',
    },
    notifications: {
      created: 'Supporter created',
      updated: 'Supporter updated |||| %{smart_count} supporters updated',
      deleted: 'Supporter deleted |||| %{smart_count} supporters deleted',
    },
  },
};
