import type { SchemaObject } from '@nestjs/swagger';

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
