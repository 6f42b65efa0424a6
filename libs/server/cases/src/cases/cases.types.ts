import type { SessionUser } from '@campaign-desk/contracts';

/** A signed-in reader. Viewers never read health details (the story, note and message bodies). */
export interface CaseReader {
  user: SessionUser;
  ip: string;
  readHealthDetails: boolean;
}

export function caseReader(user: SessionUser, ip: string): CaseReader {
  return { user, ip, readHealthDetails: user.role === 'admin' || user.role === 'caseworker' };
}
