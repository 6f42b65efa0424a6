import { BadRequestException } from '@nestjs/common';

/** A 400 in the house shape that names the field: `{message: "<field> <problem>", fields: {<field>: <problem>}}`. */
export function fieldError(field: string, problem: string): BadRequestException {
  return new BadRequestException({ message: `${field} ${problem}`, fields: { [field]: problem } });
}
