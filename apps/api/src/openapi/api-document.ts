import { RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import {
  DECORATORS,
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type ResponseObject,
  type SchemaObject,
} from '@nestjs/swagger';
import * as contracts from '@campaign-desk/contracts';
import { PUBLIC_KEY, ROLES_KEY } from '@campaign-desk/server-core';
import generated from './api-types.generated.json';
import { CONTRACTS_ENUM, type GeneratedApiTypes } from './generated-types';

const types = generated as unknown as GeneratedApiTypes;
/** Every route is under it (set by configureApp, and by the export before it reads the routes). */
export const API_PREFIX = 'api';
const SESSION_COOKIE = 'cd_session';
const SESSION_SCHEME = 'cookie';
const ERROR = { $ref: '#/components/schemas/ApiErrorBody' };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Handler {
  controller: Type;
  method: (...args: unknown[]) => unknown;
}

/**
 * The OpenAPI document: what Nest reads from the decorators, completed with what only the TypeScript
 * types know (`npm run openapi:generate` writes it): every response's schema, contracts types as
 * components, summaries, the request DTOs' property types; plus who may call each operation.
 * `problems` names each operation the generated types do not cover (the export fails on them).
 */
export function createApiDocument(app: INestApplication): { document: OpenAPIObject; problems: string[] } {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Campaign Desk API')
      .setDescription(
        'REST under /api in react-admin simple-REST style: lists take `sort`, `range` and `filter` as JSON and answer `Content-Range`.',
      )
      .setVersion('1')
      .setLicense('UNLICENSED', 'https://docs.npmjs.com/cli/configuring-npm/package-json#license')
      .addServer('/', 'This host')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'INBOUND_TOKEN, for the mail webhook' })
      .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, SESSION_SCHEME)
      .build(),
    { operationIdFactory: (controller, method) => `${controller}_${method}` },
  );
  const handlers = handlersOf(app);
  const problems: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const verb of METHODS) {
      const operation = item[verb];
      if (!operation) continue;
      const handler = handlers.get(operation.operationId ?? '');
      const typed = types.operations[operation.operationId ?? ''];
      if (!handler || !typed) {
        problems.push(`${verb.toUpperCase()} ${path} (${operation.operationId}) has no generated response type`);
        continue;
      }
      operation.summary ??= typed.summary;
      if (typed.description) operation.description ??= typed.description;
      describeResponse(operation, handler, typed.response);
      describeAccess(operation, handler, path);
    }
  }
  const schemas = completeSchemas(document);
  document.components = { ...document.components, schemas };
  problems.push(...fillContractsEnums(schemas), ...untypedProperties(schemas));
  return { document, problems };
}

function handlersOf(app: INestApplication): Map<string, Handler> {
  const handlers = new Map<string, Handler>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const method = controller.prototype[name];
        if (typeof method === 'function' && Reflect.hasMetadata(METHOD_METADATA, method)) {
          handlers.set(`${controller.name}_${name}`, { controller, method });
        }
      }
    }
  }
  return handlers;
}

function metadata<T>(key: string, { controller, method }: Handler): T | undefined {
  return Reflect.getMetadata(key, method) ?? Reflect.getMetadata(key, controller);
}

/** The success response gets the handler's body schema, under its media types (JSON unless it says). */
function describeResponse(operation: OperationObject, handler: Handler, schema: SchemaObject | null): void {
  const responses = operation.responses as Record<string, ResponseObject>;
  const status =
    Object.keys(responses).find((s) => s.startsWith('2')) ??
    String(
      Reflect.getMetadata(HTTP_CODE_METADATA, handler.method) ??
        (Reflect.getMetadata(METHOD_METADATA, handler.method) === RequestMethod.POST ? 201 : 200),
    );
  const response: ResponseObject = responses[status] ?? { description: '' };
  responses[status] = response;
  if (!response.description) response.description = schema ? 'OK' : 'No content';
  if (!schema || response.content) return;
  const binary = schema.format === 'binary';
  const produces = metadata<string[]>(DECORATORS.API_PRODUCES, handler) ?? [
    binary ? 'application/octet-stream' : 'application/json',
  ];
  response.content = Object.fromEntries(produces.map((type) => [type, { schema: forMediaType(schema, type) }]));
}

/** A JSON-or-CSV handler answers `Report | string`: the report as JSON, the string as CSV. */
function forMediaType(schema: SchemaObject, type: string): SchemaObject {
  const parts = schema.anyOf as SchemaObject[] | undefined;
  const text = parts?.find((s) => s.type === 'string' && !s.format);
  if (!parts || !text) return schema;
  if (!type.endsWith('json')) return text;
  const rest = parts.filter((s) => s !== text);
  return rest.length === 1 ? rest[0] : { ...schema, anyOf: rest };
}

/**
 * Signed-in operations name the session cookie and answer 401/403; public ones say so (`security: []`)
 * unless they declare their own scheme. Operations with input answer 400, with path parameters 404.
 */
function describeAccess(operation: OperationObject, handler: Handler, path: string): void {
  const responses = operation.responses as Record<string, ResponseObject>;
  const error = (description: string): ResponseObject => ({
    description,
    content: { 'application/json': { schema: ERROR } },
  });
  if (metadata<string[]>(ROLES_KEY, handler) && !metadata<boolean>(PUBLIC_KEY, handler)) {
    operation.security = [{ [SESSION_SCHEME]: [] }];
    responses['401'] ??= error('Not signed in');
    responses['403'] ??= error('Signed in without a role that may do this');
  } else {
    operation.security ??= [];
  }
  if (operation.parameters?.length || operation.requestBody) {
    responses['400'] ??= error('Invalid input: `fields` names each field and what is wrong with it');
  }
  if (path.includes('{')) responses['404'] ??= error('Not found');
  for (const [status, response] of Object.entries(responses)) {
    if (status.startsWith('4')) response.content ??= error(response.description).content;
  }
}

/**
 * Nest's component schemas (request DTOs) with the property types it could not read (a `string | null`
 * property is `object` to reflection) taken from the TypeScript types; and the generated components
 * the document refers to, directly or through each other.
 */
function completeSchemas(document: OpenAPIObject): Record<string, SchemaObject> {
  const schemas = { ...(document.components?.schemas ?? {}) } as Record<string, SchemaObject>;
  for (const [name, nest] of Object.entries(schemas)) {
    const typed = types.schemas[name];
    if (!nest?.properties || !typed?.properties) continue;
    for (const [property, schema] of Object.entries(nest.properties as Record<string, SchemaObject>)) {
      const reflected = schema.type === 'object' && !schema.properties && !schema.additionalProperties;
      const { description: _description, ...type } = (typed.properties[property] ?? {}) as SchemaObject;
      if (reflected) nest.properties[property] = { ...withoutType(schema), ...type };
    }
  }
  const pending = [JSON.stringify(document.paths), JSON.stringify(schemas), JSON.stringify(ERROR)];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    for (const [, name] of next.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      if (schemas[name] || !types.schemas[name]) continue;
      schemas[name] = types.schemas[name];
      pending.push(JSON.stringify(schemas[name]));
    }
  }
  return Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The enum components the generated file only names (`x-contracts-enum: TOPICS`) get their values from the
 * contracts array itself, so a new value needs no regeneration. Names no array exports are problems.
 */
function fillContractsEnums(schemas: Record<string, SchemaObject>): string[] {
  const problems: string[] = [];
  for (const [name, schema] of Object.entries(schemas)) {
    const array: unknown = (schema as Record<string, unknown>)[CONTRACTS_ENUM];
    if (array === undefined) continue;
    const values: unknown = (contracts as Record<string, unknown>)[String(array)];
    if (Array.isArray(values) && values.every((v) => typeof v === 'string')) {
      schemas[name] = { type: 'string', enum: [...values] };
    } else {
      problems.push(`${name} is the contracts enum ${String(array)}, which @campaign-desk/contracts does not export`);
    }
  }
  return problems;
}

/** A property reflection could only call `object` (a union such as `string | null`) and nothing typed. */
function untypedProperties(schemas: Record<string, SchemaObject>): string[] {
  return Object.entries(schemas).flatMap(([name, schema]) =>
    Object.entries((schema.properties ?? {}) as Record<string, SchemaObject>)
      .filter(([, p]) => p.type === 'object' && !p.properties && !p.additionalProperties && !p.allOf && !p.anyOf)
      .map(([property]) => `${name}.${property} is typed \`object\`: give it a type`),
  );
}

function withoutType(schema: SchemaObject): SchemaObject {
  const { type: _type, ...rest } = schema;
  return rest;
}
