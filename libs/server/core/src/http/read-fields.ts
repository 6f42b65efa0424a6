import { Allow, getMetadataStorage } from 'class-validator';

type Class = abstract new (...args: never[]) => object;

/**
 * react-admin's `update` sends back the whole record it read. Lets an update DTO accept (and ignore) every
 * field of the read record that it does not itself validate, derived from the contract's field list
 * (`fieldsOf<Detail>()` in contracts), so adding a read field can never turn a react-admin save into a 400.
 * The service reads only the DTO's own fields, so the ignored ones have no effect.
 */
export function acceptReadFields(dto: Class, readFields: readonly string[]): void {
  const validated = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(dto, '', true, false)
      .map((m) => m.propertyName),
  );
  for (const field of readFields) if (!validated.has(field)) Allow()(dto.prototype, field);
}
