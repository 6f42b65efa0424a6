import { type ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { fieldError } from './field-error';
import { findNulByte, NUL_BYTE_MESSAGE } from './nul-bytes';

function collect(errors: ValidationError[], prefix: string, out: Record<string, string>): void {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      const messages = Object.entries(error.constraints).map(([rule, message]) =>
        rule === 'whitelistValidation' ? `${path} is not an allowed field` : message,
      );
      out[path] = messages.join('; ');
    }
    if (error.children?.length) collect(error.children, path, out);
  }
}

/** Converts class-validator errors into a 400 that names every offending field. */
export function validationException(errors: ValidationError[]): BadRequestException {
  const fields: Record<string, string> = {};
  collect(errors, '', fields);
  const names = Object.keys(fields);
  return new BadRequestException({ message: `Invalid fields: ${names.join(', ')}`, fields });
}

/** Rejects a NUL byte anywhere in a body, query or path value (naming where it is) before the DTO checks run. */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const path = findNulByte(value, metadata.data ?? '');
      if (path !== undefined) throw fieldError(path || metadata.type, NUL_BYTE_MESSAGE);
    }
    return super.transform(value, metadata);
  }
}

/** Global pipe: unknown fields are rejected, payloads are transformed into their DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: validationException,
  });
}
