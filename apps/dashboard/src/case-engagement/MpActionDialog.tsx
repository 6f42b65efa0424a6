import { TextField } from '@mui/material';
import { useState } from 'react';
import { HttpError, useTranslate } from 'react-admin';
import type { CaseDetail, MpActionType } from '@campaign-desk/contracts';
import { CaseActionDialog } from '../shared/dialogs/CaseActionDialog';
import { PastDateField, SummaryField } from '../shared/dialogs/DialogFields';
import { londonToday } from '../shared/time';
import { createMpAction, isHttpUrl } from './engagementApi';

import { EnumSelect } from '../shared/i18n/EnumSelect';

const T = 'engagement.mpAction';

/** Records what the MP did (wrote to the trust, asked at PMQs…), with the date and a link to the evidence. */
export const MpActionDialog = ({ caseRecord, onClose }: { caseRecord: CaseDetail; onClose: () => void }) => {
  const translate = useTranslate();
  const [type, setType] = useState<MpActionType>('wrote_to_trust_ceo');
  const [date, setDate] = useState(londonToday);
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [summary, setSummary] = useState('');
  const submit = async () => {
    const link = evidenceUrl.trim();
    // The same rule as the API's, shown in the same place, without a round trip.
    if (link && !isHttpUrl(link)) {
      const message = translate(`${T}.evidenceInvalid`);
      throw new HttpError(message, 400, { errors: { evidenceUrl: message } });
    }
    return createMpAction({
      caseId: caseRecord.id,
      type,
      date,
      evidenceUrl: link || null,
      summary: summary.trim() || null,
    });
  };
  return (
    <CaseActionDialog
      id="mp-action"
      title={translate(`${T}.title`, { mp: caseRecord.mpName ?? '' })}
      submitLabel={translate(`${T}.submit`)}
      onSubmit={submit}
      successMessage={`${T}.done`}
      onClose={onClose}
    >
      {(errors) => (
        <>
          <EnumSelect
            of="mpActionType"
            label={translate(`${T}.type`)}
            value={type}
            onChange={(value) => setType(value)}
            error={errors.type}
          />
          <PastDateField label={translate(`${T}.date`)} value={date} onChange={setDate} error={errors.date} />
          <TextField
            type="url"
            label={translate(`${T}.evidenceUrl`)}
            value={evidenceUrl}
            onChange={(e) => setEvidenceUrl(e.target.value)}
            error={!!errors.evidenceUrl}
            helperText={errors.evidenceUrl ?? translate(`${T}.evidenceHelp`)}
          />
          <SummaryField
            label={translate(`${T}.summary`)}
            value={summary}
            onChange={setSummary}
            error={errors.summary}
          />
        </>
      )}
    </CaseActionDialog>
  );
};
