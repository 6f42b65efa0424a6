import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useGetIdentity, useGetOne, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import type { SupporterDto } from '@campaign-desk/contracts';
import { formatLondonDateTime } from '../shared/time';
import { CONSENTS } from './consents';

/**
 * Who recorded a consent. The record carries only the staff user's id: the signed-in user sees "you",
 * admins (who may read staff users) see the name, others a neutral "a colleague".
 */
const RecordedBy = ({ staffId }: { staffId: string }) => {
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<string>();
  const isAdmin = permissions === 'admin';
  const { data } = useGetOne('staff-users', { id: staffId }, { enabled: isAdmin && identity?.id !== staffId });
  if (identity?.id === staffId) return <>you</>;
  return <>{isAdmin && data?.name ? data.name : 'a colleague'}</>;
};

/** Each consent, whether given, and who recorded it when. */
export const ConsentsField = () => {
  const record = useRecordContext<SupporterDto>();
  const translate = useTranslate();
  if (!record?.consents) return null;
  return (
    <Table size="small" aria-label="Consents" sx={{ maxWidth: 720 }}>
      <TableHead>
        <TableRow>
          <TableCell>Consent</TableCell>
          <TableCell>Given</TableCell>
          <TableCell>Recorded</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {CONSENTS.map(({ key, label }) => {
          const change = record.consentChanges?.[key];
          return (
            <TableRow key={key}>
              <TableCell>{translate(label)}</TableCell>
              <TableCell>{record.consents[key] ? 'Yes' : 'No'}</TableCell>
              <TableCell>
                {change?.at ? (
                  <>
                    {formatLondonDateTime(change.at)}
                    {change.byId && (
                      <>
                        {' by '}
                        <RecordedBy staffId={change.byId} />
                      </>
                    )}
                  </>
                ) : (
                  'Never recorded'
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};
