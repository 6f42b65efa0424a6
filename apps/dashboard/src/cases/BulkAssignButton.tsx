import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useListContext, useNotify, useRefresh, useTranslate } from 'react-admin';
import { ActionDialog } from './ActionDialog';
import { bulkAssignCases } from './caseApi';
import { AssigneeSelect, type AssigneeChoice } from './AssigneeSelect';
import { useDialogSubmit } from './useDialogSubmit';

/** Bulk action: assign the selected cases to one person (or nobody) in one request. */
export const BulkAssignButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { selectedIds, onUnselectItems } = useListContext();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<AssigneeChoice>('');
  const { saving, error, submit, clearError } = useDialogSubmit();

  const close = () => {
    setOpen(false);
    setChoice('');
    clearError();
  };
  const confirm = () =>
    submit(async () => {
      const result = await bulkAssignCases(selectedIds.map(String), choice === 'nobody' ? null : choice);
      notify(
        translate('resources.cases.assign.bulkDone', {
          updated: result.updated.length,
          unchanged: result.unchanged.length,
        }),
        { type: 'info' },
      );
      close();
      onUnselectItems();
      refresh();
    });

  return (
    <>
      <Button size="small" startIcon={<PersonAddIcon />} onClick={() => setOpen(true)}>
        {translate('resources.cases.assign.bulk')}
      </Button>
      <ActionDialog
        open={open}
        title={translate('resources.cases.assign.bulkTitle', { smart_count: selectedIds.length })}
        confirmLabel={translate('resources.cases.assign.confirm')}
        canConfirm={!!choice}
        busy={saving}
        error={error}
        onConfirm={confirm}
        onClose={close}
      >
        <AssigneeSelect value={choice} onChange={setChoice} />
      </ActionDialog>
    </>
  );
};
