import type { StaffRole } from '@campaign-desk/contracts';

/** Demo sign-ins seeded by `npm start` in demo mode. Never use these outside a demo. */
export const DEMO_USERS: { email: string; name: string; role: StaffRole; password: string }[] = [
  { email: 'admin@campaign-desk.local', name: 'Ada Admin', role: 'admin', password: 'demo-admin-pass' },
  {
    email: 'caseworker@campaign-desk.local',
    name: 'Cai Caseworker',
    role: 'caseworker',
    password: 'demo-caseworker-pass',
  },
  { email: 'viewer@campaign-desk.local', name: 'Vi Viewer', role: 'viewer', password: 'demo-viewer-pass' },
];
