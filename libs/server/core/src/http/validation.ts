import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

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

/** Global pipe: unknown fields are rejected, payloads are transformed into their DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: validationException,
  });
}
