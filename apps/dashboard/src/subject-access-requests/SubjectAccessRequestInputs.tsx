import {
  AutocompleteInput,
  ReferenceInput,
  SelectInput,
  TextInput,
  required,
  useTranslate,
  type InputProps,
} from 'react-admin';
import { londonToIso, toLondonInput } from '../shared/time';
import { enumChoices } from '../shared/i18n/enumLabels';

/** London wall-clock time in the input, an ISO instant in the record. */
const toInput = (value: string | null | undefined) => (value ? toLondonInput(value) : '');
const fromInput = (value: string) => (value ? (londonToIso(value) ?? value) : undefined);

const ReceivedAtInput = (props: Omit<InputProps, 'source'>) => {
  const translate = useTranslate();
  return (
    <TextInput
      {...props}
      source="receivedAt"
      type="datetime-local"
      format={toInput}
      parse={fromInput}
      helperText={translate('resources.subject-access-requests.help.receivedAt')}
    />
  );
};

/** The handling fields, shared by create and edit; the supporter is chosen on create only. */
export const SubjectAccessRequestInputs = ({ create = false }: { create?: boolean }) => (
  <>
    {create && (
      <ReferenceInput source="supporterId" reference="supporters" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" validate={required()} filterToQuery={(q) => ({ q })} />
      </ReferenceInput>
    )}
    <ReceivedAtInput />
    <SelectInput source="status" choices={enumChoices('subjectAccessStatus')} validate={required()} />
    <ReferenceInput source="handledById" reference="staff-users" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="name" />
    </ReferenceInput>
    <TextInput source="notes" multiline minRows={3} />
  </>
);
