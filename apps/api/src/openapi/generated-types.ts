import type { SchemaObject } from '@nestjs/swagger';

/**
 * Marks a generated component that stands for an enum of `libs/shared/contracts/src/enums.ts`: its value is the
 * array's name, and the document fills the component's `enum` from that array at run time.
 */
export const CONTRACTS_ENUM = 'x-contracts-enum';

/** What `scripts/openapi/generate-schemas.ts` reads from the handlers' TypeScript types. */
export interface GeneratedOperation {
  summary: string;
  /** The handler's doc comment. */
  description?: string;
  /** The response body's schema; null when the handler answers none. */
  response: SchemaObject | null;
}

export interface GeneratedApiTypes {
  /** By operation id, `<Controller>_<method>`. */
  operations: Record<string, GeneratedOperation>;
  /** Components: the types responses refer to, and the request DTO classes (Nest reads their property types). */
  schemas: Record<string, SchemaObject>;
}
