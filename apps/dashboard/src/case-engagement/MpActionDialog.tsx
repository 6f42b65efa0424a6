import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { HttpError, useTranslate } from 'react-admin';
import { MP_ACTION_TYPES, type CaseDetail, type MpActionType } from '@campaign-desk/contracts';
import { CaseActionDialog } from '../shared/dialogs/CaseActionDialog';
import { londonToday } from '../shared/time';
import { createMpAction, isHttpUrl } from './engagementApi';
import { enumLabelKey } from '../shared/i18n/enumLabels';

const T = 'engagement.mpAction';

/** Records what the MP did (wrote to the trust, asked at PMQs…), with the date and a link to the evidence. */
export const MpActionDialog = ({ caseRecord, onClose }: { caseRecord: CaseDetail; onClose: () => void }) => {
  const translate = useTranslate();
  const today = londonToday();
  const [type, setType] = useState<MpActionType>('wrote_to_trust_ceo');
  const [date, setDate] = useState(today);
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
          <TextField
            select
            label={translate(`${T}.type`)}
            value={type}
            onChange={(e) => setType(e.target.value as MpActionType)}
            error={!!errors.type}
            helperText={errors.type}
          >
            {MP_ACTION_TYPES.map((t) => (
              <MenuItem key={t} value={t}>
                {translate(enumLabelKey('mpActionType', t))}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            type="date"
            label={translate(`${T}.date`)}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }}
            error={!!errors.date}
            helperText={errors.date}
          />
          <TextField
            type="url"
            label={translate(`${T}.evidenceUrl`)}
            value={evidenceUrl}
            onChange={(e) => setEvidenceUrl(e.target.value)}
            error={!!errors.evidenceUrl}
            helperText={errors.evidenceUrl ?? translate(`${T}.evidenceHelp`)}
          />
          <TextField
            label={translate(`${T}.summary`)}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
            multiline
            minRows={2}
            error={!!errors.summary}
            helperText={errors.summary}
          />
        </>
      )}
    </CaseActionDialog>
  );
};
