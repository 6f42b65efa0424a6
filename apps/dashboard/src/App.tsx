import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { AboutPage } from './about/AboutPage';
import { Home } from './home/Home';
import { i18nProvider } from './i18n';
import { Layout } from './layout/Layout';
import { LoginPage } from './login/LoginPage';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { staffUsers } from './staff-users';

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
        <CustomRoutes>
          <Route path="/about" element={<AboutPage />} />
        </CustomRoutes>
      </>
    )}
  </Admin>
);
