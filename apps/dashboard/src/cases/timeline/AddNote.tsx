import { Box, Button, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { addCaseNote } from '../caseApi';
import { useTimelineWrite } from './useTimelineWrite';

/** A plain-text note (line breaks kept) at the top of the timeline. */
export const AddNote = ({ caseId }: { caseId: string }) => {
  const translate = useTranslate();
  const [body, setBody] = useState('');
  const { saving, write } = useTimelineWrite(caseId);
  const add = async () => {
    if (await write(() => addCaseNote(caseId, body), 'resources.cases.notifications.noteAdded')) setBody('');
  };
  return (
    <Box sx={{ mb: 2 }}>
      <TextField
        label={translate('resources.cases.timeline.newNote')}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        multiline
        minRows={2}
        fullWidth
      />
      <Button sx={{ mt: 1 }} variant="contained" size="small" onClick={add} disabled={saving || !body.trim()}>
        {translate('resources.cases.timeline.addNote')}
      </Button>
    </Box>
  );
};
