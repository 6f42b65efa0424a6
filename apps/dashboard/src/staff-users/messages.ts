/** i18n labels for the staff users resource (admins; merged into i18n.ts under `resources`). */
export const staffUsersMessages = {
  'staff-users': {
    name: 'Staff user |||| Staff users',
    fields: {
      name: 'Name',
      email: 'Email',
      role: 'Role',
      active: 'Active',
      lastLoginAt: 'Last sign-in',
      createdAt: 'Created',
      password: 'Password',
      newPassword: 'New password',
      q: 'Search',
    },
    roles: { admin: 'Admin', caseworker: 'Caseworker', viewer: 'Viewer' },
    help: {
      newPasswordHelp: 'At least %{min} characters; leave empty to keep the current password',
      passwordHelp: 'At least %{min} characters',
      emailReadOnly: 'The email address cannot be changed',
    },
    notifications: {
      created: 'Staff user created',
      updated: 'Staff user updated |||| %{smart_count} staff users updated',
    },
  },
};
