import 'reflect-metadata';
import { IsOptional, IsString } from 'class-validator';
import { fieldsOf } from '@campaign-desk/contracts';
import { createValidationPipe } from './validation';
import { acceptReadFields } from './read-fields';

interface Thing {
  id: string;
  name: string;
  createdAt: string;
}

class UpdateThingDto {
  @IsOptional()
  @IsString({ message: 'name must be text' })
  name?: string;
}

const THING_FIELDS = fieldsOf<Thing>()({ id: true, name: true, createdAt: true });
acceptReadFields(UpdateThingDto, THING_FIELDS);

const validate = (value: unknown) =>
  createValidationPipe().transform(value, { type: 'body', metatype: UpdateThingDto });

describe('read fields', () => {
  it('lists every key of the contract type', () => {
    expect(THING_FIELDS).toEqual(['id', 'name', 'createdAt']);
    // @ts-expect-error a missing key does not compile
    fieldsOf<Thing>()({ id: true, name: true });
    // @ts-expect-error an extra key does not compile
    fieldsOf<Thing>()({ id: true, name: true, createdAt: true, colour: true });
  });

  it('lets an update accept the whole record it read, still validating its own fields', async () => {
    await expect(validate({ id: 'a', name: 'New', createdAt: '2026-01-01' })).resolves.toMatchObject({ name: 'New' });
    await expect(validate({ id: 'a', name: 5 })).rejects.toMatchObject({
      response: { fields: { name: 'name must be text' } },
    });
  });

  it('still refuses a field that is neither updatable nor part of the record', async () => {
    await expect(validate({ name: 'x', colour: 'red' })).rejects.toMatchObject({
      response: { fields: { colour: 'colour is not an allowed field' } },
    });
  });
});
