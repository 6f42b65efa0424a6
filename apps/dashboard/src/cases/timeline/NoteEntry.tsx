import NoteIcon from '@mui/icons-material/StickyNote2Outlined';
import { Box, Button, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { CaseNoteDto } from '@campaign-desk/contracts';
import { editCaseNote } from '../caseApi';
import { canEditNote } from '../caseFormat';
import { useMyId } from '../roles';
import { TimelineRow, useActorName } from './TimelineRow';
import { useTimelineWrite } from './useTimelineWrite';

/** Its author may correct a note for 15 minutes; after that the server refuses (403) and the button is gone. */
const NoteEditor = ({ note, onDone }: { note: CaseNoteDto; onDone: () => void }) => {
  const translate = useTranslate();
  const [body, setBody] = useState(note.body ?? '');
  const { saving, write } = useTimelineWrite(note.caseId);
  const save = async () => {
    if (await write(() => editCaseNote(note.caseId, note.id, body), 'resources.cases.notifications.noteSaved'))
      onDone();
  };
  return (
    <Box sx={{ mt: 1 }}>
      <TextField
        label={translate('resources.cases.timeline.editNote')}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        multiline
        minRows={2}
        fullWidth
      />
      <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
        <Button size="small" variant="contained" onClick={save} disabled={saving || !body.trim()}>
          {translate('resources.cases.timeline.saveNote')}
        </Button>
        <Button size="small" onClick={onDone} disabled={saving}>
          {translate('resources.cases.timeline.cancel')}
        </Button>
      </Box>
    </Box>
  );
};

export const NoteEntry = ({ note, at, actorId }: { note: CaseNoteDto; at: string; actorId: string | null }) => {
  const translate = useTranslate();
  const actorName = useActorName();
  const myId = useMyId();
  const [editing, setEditing] = useState(false);
  const hidden = note.body === null;
  return (
    <TimelineRow
      kind="note"
      at={at}
      icon={<NoteIcon fontSize="small" />}
      actor={actorName(actorId ?? note.authorId)}
      title={
        <>
          {translate(hidden ? 'resources.cases.timeline.noteHidden' : 'resources.cases.timeline.note')}
          {note.editedAt && (
            <Typography component="span" variant="caption" color="text.secondary">
              {` (${translate('resources.cases.timeline.edited')})`}
            </Typography>
          )}
        </>
      }
    >
      {editing ? (
        <NoteEditor note={note} onDone={() => setEditing(false)} />
      ) : (
        !hidden && (
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="note-body">
            {note.body}
          </Typography>
        )
      )}
      {!editing && canEditNote(note, myId, new Date()) && (
        <Button size="small" onClick={() => setEditing(true)}>
          {translate('resources.cases.timeline.editNote')}
        </Button>
      )}
    </TimelineRow>
  );
};
