import { useGetIdentity, usePermissions } from 'react-admin';

/** Caseworkers and admins work cases; viewers only read what the API redacts for them. */
export function useCanWorkCases(): boolean {
  const { permissions } = usePermissions<string>();
  return permissions === 'admin' || permissions === 'caseworker';
}

/** The signed-in staff user's id (undefined while loading). */
export function useMyId(): string | undefined {
  const { identity } = useGetIdentity();
  return identity?.id === undefined ? undefined : String(identity.id);
}
