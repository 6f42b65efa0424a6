import { useTranslate } from 'react-admin';
import type { LookupMethod } from '@campaign-desk/contracts';
import { enumLabelKey } from '../shared/i18n/enumLabels';

/** "How it was found", in words staff understand. */
export const LookupMethodText = ({ method }: { method: LookupMethod | null | undefined }) => {
  const translate = useTranslate();
  return <>{translate(method ? enumLabelKey('lookupMethod', method) : 'postcode.notLookedUp')}</>;
};
