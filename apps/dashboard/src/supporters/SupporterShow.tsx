import { Alert, Box, Divider, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { EditButton, Labeled, Show, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import type { SupporterDto } from '@campaign-desk/contracts';
import { formatShare, LookupMethodText } from '../postcode';
import { ConsentHistory } from './ConsentHistory';
import { ConsentsField } from './ConsentsField';
import { MergeSupporterButton } from './MergeSupporterButton';
import { EraseSupporterButton, ErasureNotice, ExportEverythingButton } from './PrivacyButtons';
import { useCanEditSupporters } from './roles';
import { LondonDateField } from '../shared/time/LondonDateField';
import { enumLabelKey } from '../shared/i18n/enumLabels';

const ShowActions = () => {
  const canEdit = useCanEditSupporters();
  const record = useRecordContext<SupporterDto>();
  const live = canEdit && record && !record.mergedIntoId && !record.deletedAt;
  return (
    <TopToolbar>
      <ExportEverythingButton />
      {record && !record.mergedIntoId && <EraseSupporterButton />}
      {live && <MergeSupporterButton />}
      {live && <EditButton />}
    </TopToolbar>
  );
};

/** A plain value under a <Labeled> label (Labeled hides its label for bare HTML children). */
const Value = ({ children }: { children: ReactNode }) => (
  <Typography component="span" variant="body2">
    {children}
  </Typography>
);

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box sx={{ mb: 3 }}>
    <Typography variant="h6" component="h2" gutterBottom>
      {title}
    </Typography>
    {children}
  </Box>
);

const Notices = () => {
  const record = useRecordContext<SupporterDto>();
  if (!record) return null;
  return (
    <>
      {record.mergedIntoId && (
        <Alert severity="info" sx={{ mb: 2 }}>
          This record was merged into <Link to={`/supporters/${record.mergedIntoId}/show`}>another supporter</Link>,
          which now holds its linked records.
        </Alert>
      )}
      {record.onHold && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          On hold{record.onHoldReason ? `: ${record.onHoldReason}` : ''}. Nothing automated is sent.
        </Alert>
      )}
    </>
  );
};

/** Constituency and MP as resolved from the postcode, how, and any staff choice among candidates. */
const ConstituencySection = () => {
  const record = useRecordContext<SupporterDto>();
  if (!record) return null;
  const candidates = record.constituencyCandidates ?? [];
  return (
    <Section title="Constituency and MP">
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        <Labeled label="Constituency">
          <Value>
            {record.constituency ? (
              <Link to={`/constituencies/${record.constituency.id}/show`}>{record.constituency.name}</Link>
            ) : (
              'Not known'
            )}
          </Value>
        </Labeled>
        <Labeled label="MP">
          <Value>
            {record.mp ? <Link to={`/mps/${record.mp.id}/show`}>{`${record.mp.name} (${record.mp.party})`}</Link> : '—'}
          </Value>
        </Labeled>
        {'constituencyMethod' in record && (
          <Labeled label="How it was found">
            <Value>
              <LookupMethodText method={record.constituencyMethod} />
              {record.constituencyOverride ? '; chosen by staff' : ''}
            </Value>
          </Labeled>
        )}
      </Box>
      {candidates.length > 1 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          The postcode straddles seats:{' '}
          {candidates.map((c) => `${c.name}${c.share === null ? '' : ` ${formatShare(c.share)}`}`).join(', ')}
        </Typography>
      )}
    </Section>
  );
};

/** Contact details and consents: only in what the API answers caseworkers and admins. */
const PersonalDetails = () => {
  const record = useRecordContext<SupporterDto>();
  if (!record || !('email' in record)) return null;
  return (
    <>
      <Section title="Contact details">
        <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
          <Labeled label="Email">
            <TextField source="email" />
          </Labeled>
          <Labeled label="Phone">
            <TextField source="phone" emptyText="—" />
          </Labeled>
          <Labeled label="Postcode">
            <TextField source="postcode" emptyText="—" />
          </Labeled>
          <Labeled label="Address">
            <TextField source="address" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
          </Labeled>
        </Box>
      </Section>
      <Section title="Consents">
        <ConsentsField />
      </Section>
      <Section title="Consent history">
        <ConsentHistory />
      </Section>
    </>
  );
};

/** Viewers get no name: the role ("supporter") instead. */
const SupporterName = () => {
  const record = useRecordContext<SupporterDto>();
  const translate = useTranslate();
  if (record && record.name === null) return <>{translate(enumLabelKey('correspondentRole', 'supporter'))}</>;
  return <TextField source="name" variant="inherit" />;
};

export const SupporterShow = () => (
  <Show actions={<ShowActions />}>
    <Box sx={{ p: 2 }}>
      <ErasureNotice />
      <Notices />
      <Typography variant="h5" component="h1" gutterBottom>
        <SupporterName />
      </Typography>
      <PersonalDetails />
      <ConstituencySection />
      <Divider sx={{ mb: 2 }} />
      <Box sx={{ display: 'flex', gap: 4 }}>
        <Labeled label="Created">
          <LondonDateField source="createdAt" />
        </Labeled>
        <Labeled label="Updated">
          <LondonDateField source="updatedAt" />
        </Labeled>
      </Box>
    </Box>
  </Show>
);
