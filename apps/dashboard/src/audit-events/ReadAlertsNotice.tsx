import { Alert, Button } from '@mui/material';
import { useState } from 'react';
import { useGetList, usePermissions, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { londonToday } from '../shared/time';

/** For admins: the unusual-reading alerts of the last seven days, with a link to them in the audit log. */
export const ReadAlertsNotice = () => {
  const { permissions } = usePermissions<string>();
  const translate = useTranslate();
  // Fixed when the page opens: the query key stays the same across renders.
  const [since] = useState(() => londonToday(new Date(Date.now() - 7 * 86_400_000)));
  const filter = { action: 'audit.read_alert', at_gte: since };
  const { total } = useGetList(
    'audit-events',
    { filter, pagination: { page: 1, perPage: 1 }, sort: { field: 'at', order: 'DESC' } },
    { enabled: permissions === 'admin' },
  );
  if (permissions !== 'admin' || !total) return null;
  const to = `/audit-events?${new URLSearchParams({ filter: JSON.stringify(filter) }).toString()}`;
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      data-testid="read-alerts"
      action={
        <Button component={Link} to={to} color="inherit" size="small">
          {translate('resources.audit-events.alertsLink')}
        </Button>
      }
    >
      <strong>{translate('resources.audit-events.alertsTitle')}</strong>:{' '}
      {translate('resources.audit-events.alertsBody', { smart_count: total })}
    </Alert>
  );
};
