import MergeTypeIcon from '@mui/icons-material/MergeType';
import {
  Alert,
  Autocomplete,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useGetList, useNotify, useRecordContext, useRedirect, useRefresh } from 'react-admin';
import type { SupporterDto } from '@campaign-desk/contracts';
import { useDebouncedValue } from '../shared/debounce/useDebouncedValue';
import { mergeSupporter } from './supporterApi';

const describe = (s: SupporterDto) => [s.name, s.email, s.postcode].filter(Boolean).join(' · ');

/** Search for the supporter to keep; never offers the record being merged. */
const TargetPicker = ({
  source,
  value,
  onChange,
}: {
  source: SupporterDto;
  value: SupporterDto | null;
  onChange: (s: SupporterDto | null) => void;
}) => {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const { data = [], isFetching } = useGetList<SupporterDto>(
    'supporters',
    { filter: q ? { q } : {}, pagination: { page: 1, perPage: 10 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: q.length >= 2 },
  );
  const options = data.filter((s) => s.id !== source.id && !s.mergedIntoId);
  return (
    <Autocomplete
      options={options}
      value={value}
      onChange={(_, chosen) => onChange(chosen)}
      inputValue={search}
      onInputChange={(_, text) => setSearch(text)}
      getOptionLabel={describe}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(x) => x}
      loading={isFetching}
      noOptionsText={q.length < 2 ? 'Type at least two characters' : 'No other supporter matches'}
      renderInput={(params) => (
        <TextField {...params} label="Supporter to keep" placeholder="Search name, email or postcode" autoFocus />
      )}
    />
  );
};

/**
 * Merges the shown supporter into another one. The API moves every linked record, keeps the richer
 * fields and audits the merge; the source is closed as "merged into" the target.
 */
export const MergeSupporterButton = () => {
  const record = useRecordContext<SupporterDto>();
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<SupporterDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [merging, setMerging] = useState(false);
  if (!record || record.mergedIntoId || record.deletedAt) return null;

  const close = () => {
    setOpen(false);
    setTarget(null);
    setError(null);
  };
  const confirm = async () => {
    if (!target) return;
    setMerging(true);
    setError(null);
    try {
      const result = await mergeSupporter(record.id, target.id);
      notify(`${record.name} was merged into ${target.name}, with every linked record`, { type: 'info' });
      close();
      refresh();
      redirect('show', 'supporters', result.targetId);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The merge failed');
    } finally {
      setMerging(false);
    }
  };

  return (
    <>
      <Button size="small" startIcon={<MergeTypeIcon />} onClick={() => setOpen(true)}>
        Merge
      </Button>
      <Dialog
        open={open}
        onClose={merging ? undefined : close}
        fullWidth
        maxWidth="sm"
        aria-labelledby="merge-supporter-title"
      >
        <DialogTitle id="merge-supporter-title">Merge {record.name} into another supporter</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            Use this when one person has two records. Choose the record to keep: everything linked to {record.name}{' '}
            (cases, messages and other records) moves to it, its empty fields are filled from this record, and this
            record is closed as merged.
          </Typography>
          <TargetPicker source={record} value={target} onChange={setTarget} />
          <Alert severity="warning" sx={{ mt: 2 }}>
            A merge is recorded in the audit log with your name and cannot be undone from the dashboard. Check that both
            records are the same person before you confirm.
          </Alert>
          {error && (
            <Alert severity="error" sx={{ mt: 2 }} role="alert">
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={merging}>
            Cancel
          </Button>
          <Button onClick={confirm} disabled={!target || merging} color="warning" variant="contained">
            {target ? `Merge into ${target.name}` : 'Merge'}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
