import { Box, Chip, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Labeled, useRecordContext, useTranslate } from 'react-admin';
import type { CaseDetail } from '@campaign-desk/contracts';
import { DueDate, PriorityLabel, StatusChip } from './CaseBits';
import { formatLondonDateTime } from '../shared/time';
import { enumLabelKey } from '../shared/i18n/enumLabels';

const Value = ({ children }: { children: ReactNode }) => (
  <Typography component="span" variant="body2">
    {children}
  </Typography>
);

/**
 * Who and what the case is about, where it stands and what is due. Built for the redacted record too:
 * viewers get no story and a supporter summary, so every field may be missing.
 */
export const CaseHeader = () => {
  const record = useRecordContext<CaseDetail>();
  const translate = useTranslate();
  if (!record) return null;
  const label = (field: string) => `resources.cases.fields.${field}`;
  const none = translate('resources.cases.header.none');
  return (
    <Box sx={{ mb: 2 }} data-testid="case-header">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h5" component="h1">
          {record.reference}
        </Typography>
        <StatusChip status={record.status} />
        {record.outcome && (
          <Chip size="small" variant="outlined" label={translate(enumLabelKey('caseOutcome', record.outcome))} />
        )}
      </Box>
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        <Labeled label={label('supporterId')}>
          <Value>
            {record.supporterId ? (
              <Link to={`/supporters/${record.supporterId}/show`}>
                {record.supporterName ??
                  record.supporter?.name ??
                  translate(enumLabelKey('correspondentRole', 'supporter'))}
              </Link>
            ) : (
              none
            )}
          </Value>
        </Labeled>
        <Labeled label={label('constituencyId')}>
          <Value>
            {record.constituencyId ? (
              <Link to={`/constituencies/${record.constituencyId}/show`}>
                {record.constituencyName ?? record.constituencyId}
              </Link>
            ) : (
              translate('resources.cases.header.noConstituency')
            )}
          </Value>
        </Labeled>
        <Labeled label={label('mpId')}>
          <Value>
            {record.mpId ? (
              <Link to={`/mps/${record.mpId}/show`}>
                {record.party ? `${record.mpName} (${record.party})` : record.mpName}
              </Link>
            ) : (
              translate('resources.cases.header.noMp')
            )}
          </Value>
        </Labeled>
        <Labeled label={label('priority')}>
          <PriorityLabel priority={record.priority} />
        </Labeled>
        <Labeled label={label('assigneeId')}>
          <Value>
            {record.assigneeId ? (record.assigneeName ?? none) : translate('resources.cases.header.unassigned')}
          </Value>
        </Labeled>
        <Labeled label={label('firstResponseDueAt')}>
          {record.firstRespondedAt ? (
            <Value>
              {translate('resources.cases.header.responded', {
                at: formatLondonDateTime(record.firstRespondedAt) || '—',
              })}
            </Value>
          ) : (
            <DueDate at={record.firstResponseDueAt} overdue={record.firstResponseOverdue} />
          )}
        </Labeled>
        <Labeled label={label('nextUpdateDueAt')}>
          <DueDate at={record.nextUpdateDueAt} overdue={record.nextUpdateOverdue} />
        </Labeled>
      </Box>
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', mt: 1 }}>
        <Labeled label={label('topics')}>
          <Value>{(record.topics ?? []).map((t) => translate(enumLabelKey('topic', t))).join(', ') || none}</Value>
        </Labeled>
        <Labeled label={label('trust')}>
          <Value>{record.trust ?? none}</Value>
        </Labeled>
      </Box>
      {record.summary !== null && record.summary !== undefined && (
        <Box sx={{ mt: 2 }} data-testid="case-story">
          <Labeled label={label('summary')}>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
              {record.summary || none}
            </Typography>
          </Labeled>
        </Box>
      )}
    </Box>
  );
};
