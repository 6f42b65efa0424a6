import { Autocomplete, FormControlLabel, FormLabel, Radio, RadioGroup, TextField } from '@mui/material';
import { useState } from 'react';
import { useGetList, useNotify, useRefresh, useTranslate } from 'react-admin';
import { CASE_OUTCOMES, type CaseDetail, type CaseListItem, type CaseOutcome } from '@campaign-desk/contracts';
import { useDebouncedValue } from '../shared/debounce/useDebouncedValue';
import { ActionDialog } from './ActionDialog';
import { transitionCase } from './caseApi';
import { useDialogSubmit } from './useDialogSubmit';
import { enumLabelKey } from '../shared/i18n/enumLabels';

/** Finds the case this one duplicates, by reference or supporter; never offers the case itself. */
const DuplicateOfPicker = ({
  caseId,
  value,
  onChange,
}: {
  caseId: string;
  value: CaseListItem | null;
  onChange: (c: CaseListItem | null) => void;
}) => {
  const translate = useTranslate();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const { data = [], isFetching } = useGetList<CaseListItem>(
    'cases',
    { filter: { q }, pagination: { page: 1, perPage: 10 }, sort: { field: 'createdAt', order: 'DESC' } },
    { enabled: q.length >= 1 },
  );
  return (
    <Autocomplete
      options={data.filter((c) => c.id !== caseId)}
      value={value}
      onChange={(_, chosen) => onChange(chosen)}
      inputValue={search}
      onInputChange={(_, text) => setSearch(text)}
      getOptionLabel={(c) => `${c.reference} · ${c.supporterName}`}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(x) => x}
      loading={isFetching}
      renderInput={(params) => (
        <TextField
          {...params}
          label={translate('resources.cases.close.duplicateOf')}
          helperText={translate('resources.cases.close.duplicateHelp')}
        />
      )}
      sx={{ mt: 2 }}
    />
  );
};

/** Closing needs an outcome; a duplicate also names the case it duplicates. */
export const CloseCaseDialog = ({
  record,
  open,
  onClose,
}: {
  record: CaseDetail;
  open: boolean;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [outcome, setOutcome] = useState<CaseOutcome | ''>('');
  const [duplicateOf, setDuplicateOf] = useState<CaseListItem | null>(null);
  const { saving, error, submit, clearError } = useDialogSubmit();
  const ready = outcome !== '' && (outcome !== 'duplicate' || duplicateOf !== null);

  const close = () => {
    setOutcome('');
    setDuplicateOf(null);
    clearError();
    onClose();
  };
  const confirm = () =>
    submit(async () => {
      if (!outcome) return;
      await transitionCase(record.id, {
        to: 'closed',
        outcome,
        ...(outcome === 'duplicate' && duplicateOf ? { duplicateOfId: duplicateOf.id } : {}),
      });
      notify('resources.cases.notifications.moved', {
        type: 'info',
        messageArgs: { status: translate('resources.cases.status.closed') },
      });
      close();
      refresh();
    });

  return (
    <ActionDialog
      open={open}
      title={translate('resources.cases.close.title', { reference: record.reference })}
      confirmLabel={translate('resources.cases.close.confirm')}
      confirmColor="warning"
      maxWidth="sm"
      canConfirm={ready}
      busy={saving}
      error={error}
      onConfirm={confirm}
      onClose={close}
    >
      <FormLabel id="close-case-outcome">{translate('resources.cases.close.outcome')}</FormLabel>
      <RadioGroup
        aria-labelledby="close-case-outcome"
        value={outcome}
        onChange={(e) => setOutcome(e.target.value as CaseOutcome)}
      >
        {CASE_OUTCOMES.map((o) => (
          <FormControlLabel key={o} value={o} control={<Radio />} label={translate(enumLabelKey('caseOutcome', o))} />
        ))}
      </RadioGroup>
      {outcome === 'duplicate' && (
        <DuplicateOfPicker caseId={record.id} value={duplicateOf} onChange={setDuplicateOf} />
      )}
    </ActionDialog>
  );
};
