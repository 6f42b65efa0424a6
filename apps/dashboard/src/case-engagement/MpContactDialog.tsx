import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { CaseDetail, CreateMpContactInput } from '@campaign-desk/contracts';
import { londonToday } from '../shared/time';

import { CaseActionDialog } from '../shared/dialogs/CaseActionDialog';
import { PastDateField, SummaryField } from '../shared/dialogs/DialogFields';
import { recordMpContact } from './engagementApi';
import { EnumSelect } from '../shared/i18n/EnumSelect';

const T = 'engagement.mpContact';

/** Records that the supporter or the charity contacted the MP (or the MP's office got in touch); outbound starts the chase plan. */
export const MpContactDialog = ({ caseRecord, onClose }: { caseRecord: CaseDetail; onClose: () => void }) => {
  const translate = useTranslate();
  const [input, setInput] = useState<CreateMpContactInput>({
    channel: 'letter',
    direction: 'outbound',
    contactedBy: 'supporter',
    date: londonToday(),
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
          <EnumSelect
            of="mpContactChannel"
            label={translate(`${T}.channel`)}
            value={input.channel}
            onChange={(value) => set({ channel: value })}
            error={errors.channel}
          />
          <EnumSelect
            of="mpContactDirection"
            label={translate(`${T}.direction`)}
            value={input.direction}
            onChange={(value) => set({ direction: value })}
            error={errors.direction}
            helperText={translate(`${T}.directionHelp`)}
          />
          <EnumSelect
            of="mpContactBy"
            label={translate(`${T}.contactedBy`)}
            value={input.contactedBy}
            onChange={(value) => set({ contactedBy: value })}
            error={errors.contactedBy}
          />
          <PastDateField
            label={translate(`${T}.date`)}
            value={input.date}
            onChange={(date) => set({ date })}
            error={errors.date}
          />
          <SummaryField
            label={translate(`${T}.summary`)}
            value={input.summary ?? ''}
            onChange={(summary) => set({ summary })}
            error={errors.summary}
          />
        </>
      )}
    </CaseActionDialog>
  );
};
