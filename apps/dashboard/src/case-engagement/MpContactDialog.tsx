import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import {
  MP_CONTACT_BY,
  MP_CONTACT_CHANNELS,
  MP_CONTACT_DIRECTIONS,
  type CaseDetail,
  type CreateMpContactInput,
} from '@campaign-desk/contracts';
import { londonToday } from '../shared/time';
import { enumLabelKey } from '../shared/i18n/enumLabels';
import { CaseActionDialog } from '../shared/dialogs/CaseActionDialog';
import { recordMpContact } from './engagementApi';

const T = 'engagement.mpContact';

/** Records that the supporter or the charity contacted the MP (or the MP's office got in touch); outbound starts the chase plan. */
export const MpContactDialog = ({ caseRecord, onClose }: { caseRecord: CaseDetail; onClose: () => void }) => {
  const translate = useTranslate();
  const today = londonToday();
  const [input, setInput] = useState<CreateMpContactInput>({
    channel: 'letter',
    direction: 'outbound',
    contactedBy: 'supporter',
    date: today,
    summary: '',
  });
  const set = (change: Partial<CreateMpContactInput>) => setInput((current) => ({ ...current, ...change }));
  const submit = () => recordMpContact(caseRecord.id, { ...input, summary: input.summary?.trim() || undefined });
  return (
    <CaseActionDialog
      id="mp-contact"
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
            label={translate(`${T}.channel`)}
            value={input.channel}
            onChange={(e) => set({ channel: e.target.value as CreateMpContactInput['channel'] })}
            error={!!errors.channel}
            helperText={errors.channel}
          >
            {MP_CONTACT_CHANNELS.map((c) => (
              <MenuItem key={c} value={c}>
                {translate(enumLabelKey('mpContactChannel', c))}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={translate(`${T}.direction`)}
            value={input.direction}
            onChange={(e) => set({ direction: e.target.value as CreateMpContactInput['direction'] })}
            error={!!errors.direction}
            helperText={errors.direction ?? translate(`${T}.directionHelp`)}
          >
            {MP_CONTACT_DIRECTIONS.map((d) => (
              <MenuItem key={d} value={d}>
                {translate(enumLabelKey('mpContactDirection', d))}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={translate(`${T}.contactedBy`)}
            value={input.contactedBy}
            onChange={(e) => set({ contactedBy: e.target.value as CreateMpContactInput['contactedBy'] })}
            error={!!errors.contactedBy}
            helperText={errors.contactedBy}
          >
            {MP_CONTACT_BY.map((by) => (
              <MenuItem key={by} value={by}>
                {translate(enumLabelKey('mpContactBy', by))}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            type="date"
            label={translate(`${T}.date`)}
            value={input.date}
            onChange={(e) => set({ date: e.target.value })}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }}
            error={!!errors.date}
            helperText={errors.date}
          />
          <TextField
            label={translate(`${T}.summary`)}
            value={input.summary ?? ''}
            onChange={(e) => set({ summary: e.target.value })}
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
