import { Alert, Box } from '@mui/material';
import { Route, Routes } from 'react-router-dom';
import { Loading, usePermissions, useTranslate } from 'react-admin';
import { TriageList } from './TriageList';
import { TriageMessage } from './TriageMessage';

/** `/triage/*`: the inbox and one message. Viewers have no triage (the menu hides it; the API refuses it too). */
export const TriageInbox = () => {
  const translate = useTranslate();
  const { permissions, isPending } = usePermissions<string>();
  if (isPending) return <Loading />;
  if (permissions !== 'admin' && permissions !== 'caseworker') {
    return (
      <Box sx={{ mt: 2 }}>
        <Alert severity="warning">{translate('triage.noAccess')}</Alert>
      </Box>
    );
  }
  return (
    <Routes>
      <Route index element={<TriageList />} />
      <Route path=":id" element={<TriageMessage />} />
    </Routes>
  );
};
