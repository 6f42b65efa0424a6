import { usePermissions } from 'react-admin';

/**
 * Caseworkers and admins create and change supporters; viewers only read the summary the API gives them.
 * The API enforces this; the dashboard only hides what would fail.
 */
export function useCanEditSupporters(): boolean {
  const { permissions } = usePermissions<string>();
  return permissions === 'admin' || permissions === 'caseworker';
}
