import { enumChoices } from '../i18n/enumLabels';

export const nationChoices = enumChoices('nation');

/** The ONS regions the constituency table uses (England's nine; the other nations are one region each). */
export const REGIONS = [
  'East Midlands',
  'East of England',
  'London',
  'North East',
  'North West',
  'South East',
  'South West',
  'West Midlands',
  'Yorkshire and The Humber',
  'Scotland',
  'Wales',
  'Northern Ireland',
] as const;

export const regionChoices = REGIONS.map((region) => ({ id: region, name: region }));
