import { Box, Typography } from '@mui/material';
import { useFormContext, useWatch } from 'react-hook-form';
import { BooleanInput, email, maxLength, required, TextInput } from 'react-admin';
import { PostcodePreview } from '../postcode';
import { CONSENTS } from './consents';

export const NameInput = () => <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />;

export const EmailInput = () => (
  <TextInput source="email" type="email" validate={[required(), email(), maxLength(320)]} fullWidth />
);

// The API checks the number against the UK numbering plan and names the field when it is wrong.
export const PhoneInput = () => (
  <TextInput
    source="phone"
    type="tel"
    helperText="A UK number, like 020 7946 0000 or +44 7700 900123"
    validate={maxLength(30)}
    fullWidth
  />
);

export const AddressInput = () => (
  <TextInput source="address" multiline minRows={2} validate={maxLength(1000)} fullWidth />
);

/**
 * The postcode with the live lookup under it. Changing the postcode drops a staff-chosen seat:
 * the constituency follows the postcode unless staff choose again for the new one.
 */
export const PostcodeInput = () => {
  const { setValue, getValues } = useFormContext();
  const postcode = useWatch({ name: 'postcode' }) as string | null;
  const overrideId = useWatch({ name: 'constituencyOverride' }) as string | null;
  const setOverride = (id: string | null) => setValue('constituencyOverride', id, { shouldDirty: true });
  return (
    <Box sx={{ width: '100%' }}>
      <TextInput
        source="postcode"
        validate={[required(), maxLength(16)]}
        helperText="The constituency and MP appear as you type"
        onChange={() => {
          if (getValues('constituencyOverride')) setOverride(null);
        }}
        sx={{ maxWidth: 240 }}
      />
      <PostcodePreview postcode={postcode} overrideId={overrideId} onOverride={setOverride} />
    </Box>
  );
};

export const ConsentInputs = () => (
  <Box sx={{ mb: 1 }}>
    <Typography variant="subtitle2" component="h2" gutterBottom>
      Consents
    </Typography>
    {CONSENTS.map(({ key, label }) => (
      <BooleanInput key={key} source={`consents.${key}`} label={label} helperText={false} />
    ))}
  </Box>
);

const reasonWhenOnHold = (value: unknown, values: { onHold?: boolean }) =>
  values.onHold && !(typeof value === 'string' && value.trim()) ? 'Say why the supporter is on hold' : undefined;

/** On hold (for example a bereavement): nothing automated is sent. The reason shows only with the flag. */
export const OnHoldInputs = () => {
  const onHold = useWatch({ name: 'onHold' }) as boolean | undefined;
  return (
    <Box sx={{ width: '100%' }}>
      <BooleanInput source="onHold" label="On hold" helperText="Nothing automated is sent to a supporter on hold" />
      {onHold && (
        <TextInput
          source="onHoldReason"
          label="Reason for the hold"
          validate={[reasonWhenOnHold, maxLength(500)]}
          multiline
          fullWidth
        />
      )}
    </Box>
  );
};

/** Every input of the supporter form, in the order create and edit show them. */
export const SupporterInputs = () => (
  <>
    <NameInput />
    <EmailInput />
    <PhoneInput />
    <AddressInput />
    <PostcodeInput />
    <ConsentInputs />
    <OnHoldInputs />
  </>
);
