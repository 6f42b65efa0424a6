import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { CaseDetail, CreateMpResponseInput } from '@campaign-desk/contracts';
import { londonToday } from '../shared/time';

import { CaseActionDialog } from '../shared/dialogs/CaseActionDialog';
import { PastDateField, SummaryField } from '../shared/dialogs/DialogFields';
import { recordMpResponse } from './engagementApi';
import { EnumSelect } from '../shared/i18n/EnumSelect';

const T = 'engagement.mpResponse';

/** Records the MP's response: the case moves to `mp_responded` and pending chases are cancelled. */
export const MpResponseDialog = ({ caseRecord, onClose }: { caseRecord: CaseDetail; onClose: () => void }) => {
  const translate = useTranslate();
  const [input, setInput] = useState<CreateMpResponseInput>({
    kind: 'substantive',
    receivedAt: londonToday(),
    summary: '',
  });
  const set = (change: Partial<CreateMpResponseInput>) => setInput((current) => ({ ...current, ...change }));
  const submit = () => recordMpResponse(caseRecord.id, { ...input, summary: input.summary?.trim() || undefined });
  return (
    <CaseActionDialog
      id="mp-response"
      title={translate(`${T}.title`, { mp: caseRecord.mpName ?? '' })}
      submitLabel={translate(`${T}.submit`)}
      onSubmit={submit}
      successMessage={`${T}.done`}
      onClose={onClose}
    >
      {(errors) => (
        <>
          <EnumSelect
            of="mpResponseKind"
            label={translate(`${T}.kind`)}
            value={input.kind}
            onChange={(value) => set({ kind: value })}
            error={errors.kind}
          />
          <PastDateField
            label={translate(`${T}.receivedAt`)}
            value={input.receivedAt}
            onChange={(receivedAt) => set({ receivedAt })}
            error={errors.receivedAt}
            help={translate(`${T}.cancelsHelp`)}
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
