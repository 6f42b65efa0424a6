import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { AboutPage } from './about/AboutPage';
import { Home } from './home/Home';
import { i18nProvider } from './providers/i18nProvider';
import { Layout } from './layout/Layout';
import { LoginPage } from './login/LoginPage';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { staffUsers } from './staff-users';
import { constituencies } from './constituencies';
import { mps } from './mps';
import { supporters, supportersReadOnly } from './supporters';
import { cases, casesReadOnly } from './cases';
import { TriageInbox } from './triage';
import { triageRules } from './triage-rules';
import { scheduledEmails } from './scheduled-emails';
import { meetings } from './meetings';
import { mpActions } from './mp-actions';
import { templates } from './templates';
import { subjectAccessRequests } from './subject-access-requests';
import { ReportsPage } from './reports';
import { ChasePlanPage } from './chase-plan';
import { auditEvents } from './audit-events';

export const App = () => (
  <Admin
    title="Campaign Desk"
    disableTelemetry
    requireAuth
    authProvider={authProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    layout={Layout}
    dashboard={Home}
  >
    {(permissions) => (
      <>
        {/* Registered for admins only: for anyone else /staff-users is react-admin's "not found". */}
        {permissions === 'admin' && <Resource {...staffUsers} />}
        {permissions === 'admin' && <Resource {...templates} />}
        {permissions === 'admin' && <Resource {...triageRules} />}
        {permissions === 'admin' && <Resource {...auditEvents} />}
        {permissions === 'admin' && <Resource {...subjectAccessRequests} />}
        <Resource {...(permissions === 'viewer' ? casesReadOnly : cases)} />
        <Resource {...scheduledEmails} />
        <Resource {...meetings} />
        <Resource {...mpActions} />
        {/* Viewers read supporter summaries only: no create or edit routes (the API refuses them too). */}
        <Resource {...(permissions === 'viewer' ? supportersReadOnly : supporters)} />
        <Resource {...constituencies} />
        <Resource {...mps} />
        <CustomRoutes>
          <Route path="/about" element={<AboutPage />} />
          <Route path="/triage/*" element={<TriageInbox />} />
          <Route path="/reports" element={<ReportsPage />} />
          {permissions === 'admin' && <Route path="/chase-plan" element={<ChasePlanPage />} />}
        </CustomRoutes>
      </>
    )}
  </Admin>
);
