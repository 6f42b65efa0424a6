import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext, useTranslate } from 'react-admin';
import type { SupporterDto } from '@campaign-desk/contracts';
import { enumLabelKey } from '../shared/i18n/enumLabels';
import { formatLondonDateTime } from '../shared/time';
import { fetchConsentHistory } from './supporterApi';

const yesNo = (value: boolean | null) => (value === null ? null : value ? 'Yes' : 'No');

/** Every change of the supporter's consents (old → new, who, how, wording version), newest first. */
export const ConsentHistory = () => {
  const record = useRecordContext<SupporterDto>();
  const translate = useTranslate();
  const t = (key: string) => translate(`resources.supporters.consentHistory.${key}`);
  const { data } = useQuery({
    queryKey: ['supporters', 'consent-history', record?.id, record?.updatedAt],
    queryFn: () => fetchConsentHistory(String(record?.id)),
    enabled: !!record && 'email' in record,
  });
  if (!record || !('email' in record) || !data) return null;
  if (!data.length) return <Typography variant="body2">{t('none')}</Typography>;
  return (
    <Table size="small" aria-label={t('title')} sx={{ maxWidth: 900 }}>
      <TableHead>
        <TableRow>
          <TableCell>{t('when')}</TableCell>
          <TableCell>{t('consent')}</TableCell>
          <TableCell>{t('change')}</TableCell>
          <TableCell>{t('how')}</TableCell>
          <TableCell>{t('wording')}</TableCell>
          <TableCell>{t('by')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((c) => (
          <TableRow key={c.id}>
            <TableCell>{formatLondonDateTime(c.at)}</TableCell>
            <TableCell>{translate(enumLabelKey('consent', c.consent))}</TableCell>
            <TableCell>
              {c.oldValue === null
                ? `${yesNo(c.newValue)} (${t('first')})`
                : `${yesNo(c.oldValue)} → ${yesNo(c.newValue)}`}
            </TableCell>
            <TableCell>{translate(enumLabelKey('consentMethod', c.method))}</TableCell>
            <TableCell>{c.wordingVersion ?? '—'}</TableCell>
            <TableCell>{c.changedByName ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
