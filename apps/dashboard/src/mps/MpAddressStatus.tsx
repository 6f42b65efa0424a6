import WarningIcon from '@mui/icons-material/WarningAmber';
import { Alert, Button, Chip } from '@mui/material';
import { useState } from 'react';
import { useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { MpAddressStatusInput, MpDto } from '@campaign-desk/contracts';
import { apiFetch } from '../providers/http';
import { messageOf } from '../shared/api-errors/apiErrors';
import { formatLondonDateTime } from '../shared/time';

const T = 'resources.mps.addressStatus';

/** `PUT /api/mps/:id/address-status {failing: false}` (admins). */
const clearAddressFailing = (id: number) =>
  apiFetch(`/api/mps/${id}/address-status`, {
    method: 'PUT',
    body: JSON.stringify({ failing: false } satisfies MpAddressStatusInput),
  });

/** A warning chip for an MP whose address hard-bounced (list rows and the MP page). */
export const AddressFailingChip = () => {
  const mp = useRecordContext<MpDto>();
  const translate = useTranslate();
  if (!mp?.addressFailing) return null;
  return (
    <Chip
      size="small"
      color="warning"
      icon={<WarningIcon />}
      label={translate(`${T}.chip`)}
      data-testid="mp-address-failing"
    />
  );
};

/** On the MP page: why nothing is being sent, and (for admins) clearing the flag once the address is checked. */
export const AddressFailingNotice = () => {
  const mp = useRecordContext<MpDto>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<string>();
  const [busy, setBusy] = useState(false);
  if (!mp?.addressFailing) return null;
  const clear = async () => {
    setBusy(true);
    try {
      await clearAddressFailing(mp.id);
      notify(`${T}.cleared`, { type: 'info' });
    } catch (error) {
      notify(messageOf(error), { type: 'error' });
    }
    setBusy(false);
    refresh();
  };
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      data-testid="mp-address-failing-notice"
      action={
        permissions === 'admin' ? (
          <Button color="inherit" size="small" disabled={busy} onClick={clear}>
            {translate(`${T}.clear`)}
          </Button>
        ) : undefined
      }
    >
      {translate(`${T}.notice`, { since: mp.addressFailingSince ? formatLondonDateTime(mp.addressFailingSince) : '' })}
    </Alert>
  );
};
