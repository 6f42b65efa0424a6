import type { ArgumentMetadata } from '@nestjs/common';
import { BadRequestException } from '@nestjs/common';
import { findNulByte } from './nul-bytes';
import { createValidationPipe } from './validation';

describe('findNulByte', () => {
  it('names where the NUL is: a property, a nested one, an array element, a key, or the value itself', () => {
    expect(findNulByte({ name: 'a\u0000b' })).toBe('name');
    expect(findNulByte({ consents: { media: 'x\u0000' } })).toBe('consents.media');
    expect(findNulByte({ agreedActions: [{ description: 'ok' }, { description: '\u0000' }] })).toBe(
      'agreedActions.1.description',
    );
    expect(findNulByte({ ['bad\u0000key']: 1 })).toBe('bad\u0000key');
    expect(findNulByte('\u0000', 'id')).toBe('id');
  });

  it('finds nothing in clean values, numbers, nulls and buffers', () => {
    expect(findNulByte({ a: 'fine', b: [1, null, true], c: { d: 'e' } })).toBeUndefined();
    expect(findNulByte(Buffer.from('a\u0000b'))).toBeUndefined();
    expect(findNulByte(undefined)).toBeUndefined();
  });
});

describe('the global validation pipe', () => {
  const pipe = createValidationPipe();
  const rejects = async (value: unknown, metadata: ArgumentMetadata) => {
    const error = await pipe.transform(value, metadata).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse();
  };

  it('refuses a NUL byte in a body, a query value or a path parameter, naming it', async () => {
    expect(await rejects({ name: 'a\u0000' }, { type: 'body', metatype: Object })).toEqual({
      message: 'name must not contain NUL bytes (\\u0000)',
      fields: { name: 'must not contain NUL bytes (\\u0000)' },
    });
    expect(await rejects('a\u0000', { type: 'query', data: 'postcode', metatype: String })).toMatchObject({
      fields: { postcode: expect.any(String) },
    });
    expect(await rejects({ q: '\u0000' }, { type: 'query', metatype: Object })).toMatchObject({
      fields: { q: expect.any(String) },
    });
    expect(await rejects('\u0000', { type: 'param', data: 'id', metatype: String })).toMatchObject({
      fields: { id: expect.any(String) },
    });
    expect(await rejects('\u0000', { type: 'body', metatype: String })).toMatchObject({
      fields: { body: expect.any(String) },
    });
  });

  it('passes clean values and custom parameters through', async () => {
    await expect(pipe.transform('fine', { type: 'param', data: 'id', metatype: String })).resolves.toBe('fine');
    const user = { name: '\u0000' };
    await expect(pipe.transform(user, { type: 'custom' })).resolves.toBe(user);
  });
});
