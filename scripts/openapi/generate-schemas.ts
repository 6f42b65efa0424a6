import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import * as prettier from 'prettier';
import ts from 'typescript';
import type { GeneratedApiTypes, GeneratedOperation } from '../../apps/api/src/openapi/generated-types';
import { contractsEnums } from './contracts-enums';
import { TypeSchemas } from './type-schemas';

/**
 * Reads every controller's handlers with the TypeScript checker and writes what OpenAPI needs and
 * Nest cannot see at run time (interfaces leave no trace): each handler's response schema (from its
 * return type, contracts types as components), a summary from its name and its doc comment,
 * and the schemas of the request DTO classes (to type the properties Nest reads as `object`).
 *
 * `--check` fails, naming the file, when the committed output is not what the sources say.
 */
const OUTPUT = 'apps/api/src/openapi/api-types.generated.json';
const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Delete', 'Patch']);
const BODY_DECORATORS = new Set(['Body']);

function decoratorNames(node: ts.Node): string[] {
  return (ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []).map((d) => {
    const call = d.expression;
    const callee = ts.isCallExpression(call) ? call.expression : call;
    return ts.isIdentifier(callee) ? callee.text : '';
  });
}

/** `Cases: Bulk assign` for `CasesController.bulkAssign`; the doc comment, when there is one, describes it. */
function describe(method: ts.MethodDeclaration, checker: ts.TypeChecker, controller: string) {
  const symbol = checker.getSymbolAtLocation(method.name);
  const description = symbol ? ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() : '';
  const words = method.name
    .getText()
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase();
  const resource = controller.replace(/Controller$/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
  const summary = `${resource}: ${words.charAt(0).toUpperCase()}${words.slice(1)}`;
  return description ? { summary, description } : { summary };
}

function collect(program: ts.Program): GeneratedApiTypes {
  const checker = program.getTypeChecker();
  const schemas = new TypeSchemas(checker, contractsEnums(program));
  const operations: Record<string, GeneratedOperation> = {};
  const sources = program
    .getSourceFiles()
    .filter((f) => /\/(apps|libs)\/[^/]+\/[^/]+\/src\//.test(f.fileName) || f.fileName.includes('/apps/api/src/'))
    .filter((f) => !f.fileName.includes('/node_modules/') && !f.isDeclarationFile);
  for (const source of sources) {
    ts.forEachChild(source, (node) => {
      if (!ts.isClassDeclaration(node) || !node.name || !decoratorNames(node).includes('Controller')) return;
      const controller = node.name.text;
      for (const member of node.members) {
        if (!ts.isMethodDeclaration(member) || !decoratorNames(member).some((d) => ROUTE_DECORATORS.has(d))) continue;
        const operationId = `${controller}_${member.name.getText()}`;
        const signature = checker.getSignatureFromDeclaration(member);
        if (!signature) throw new Error(`${operationId} has no signature`);
        const response = schemas.responseOf(checker.getReturnTypeOfSignature(signature));
        operations[operationId] = { ...describe(member, checker, controller), response: response ?? null };
        for (const parameter of member.parameters) {
          if (!decoratorNames(parameter).some((d) => BODY_DECORATORS.has(d))) continue;
          const type = checker.getTypeAtLocation(parameter);
          const declaration = type.getSymbol()?.valueDeclaration;
          if (declaration && ts.isClassDeclaration(declaration)) schemas.component(type);
        }
      }
    });
  }
  // The error body every operation may answer.
  const contracts = program.getSourceFile(resolve(__dirname, '../../libs/shared/contracts/src/index.ts'));
  const contractsModule = contracts && checker.getSymbolAtLocation(contracts);
  const errorBody =
    contractsModule && checker.getExportsOfModule(contractsModule).find((s) => s.name === 'ApiErrorBody');
  if (!errorBody) throw new Error('ApiErrorBody is not exported by libs/shared/contracts');
  schemas.component(checker.getDeclaredTypeOfSymbol(errorBody));
  const sorted = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    operations: sorted(operations),
    schemas: sorted(schemas.components),
  };
}

async function main(): Promise<void> {
  const root = resolve(__dirname, '../..');
  const config = ts.getParsedCommandLineOfConfigFile(
    resolve(root, 'tsconfig.server.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.server.json cannot be read');
  const program = ts.createProgram(config.fileNames, config.options);
  const output = resolve(root, OUTPUT);
  const text = await prettier.format(JSON.stringify(collect(program)), {
    ...(await prettier.resolveConfig(output)),
    filepath: output,
  });
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(output, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (committed !== text) {
      process.stderr.write(`${relative(root, output)} is stale: run \`npm run openapi:generate\` and commit it\n`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(output, text);
  process.stdout.write(`wrote ${relative(root, output)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
