import { resolve } from 'node:path';
import ts from 'typescript';
import * as enums from '../../libs/shared/contracts/src/enums';
import { CONTRACTS_ENUM } from '../../apps/api/src/openapi/generated-types';

/** One of the value arrays `libs/shared/contracts/src/enums.ts` exports, and the component that stands for it. */
export interface ContractsEnum {
  /** The exported array, e.g. `TOPICS`: the document reads its values from it at run time. */
  array: string;
  /** The component's name: the type alias enums.ts declares for it (`Topic`), else the array's name in PascalCase. */
  component: string;
}

const ENUMS_FILE = resolve(__dirname, '../../libs/shared/contracts/src/enums.ts');

/** Order-free, so a union is matched by its value set. */
export const valueSetKey = (values: readonly string[]) => [...new Set(values)].sort().join('\u0000');

const pascal = (constant: string) =>
  constant.toLowerCase().replace(/(?:^|_)([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/** The string values of a type that is only string literals (one, or a union of them); undefined otherwise. */
export function stringLiterals(type: ts.Type): string[] | undefined {
  const members = type.isUnion() ? type.types : [type];
  if (!members.every((t) => t.isStringLiteral())) return undefined;
  return members.map((t) => (t as ts.StringLiteralType).value);
}

/** Every exported `readonly string[]` of enums.ts, by its value set; throws when two have the same values. */
export function contractsEnums(program: ts.Program): Map<string, ContractsEnum> {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(ENUMS_FILE);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`${ENUMS_FILE} is not part of the program`);
  const aliases = new Map<string, string>();
  for (const symbol of checker.getExportsOfModule(module)) {
    if (!(symbol.flags & ts.SymbolFlags.TypeAlias)) continue;
    const values = stringLiterals(checker.getDeclaredTypeOfSymbol(symbol));
    if (values) aliases.set(valueSetKey(values), symbol.name);
  }
  const table = new Map<string, ContractsEnum>();
  for (const [array, values] of Object.entries(enums)) {
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) continue;
    const key = valueSetKey(values);
    const known = table.get(key);
    if (known) throw new Error(`${known.array} and ${array} have the same values: the document cannot tell them apart`);
    table.set(key, { array, component: aliases.get(key) ?? pascal(array) });
  }
  return table;
}

/** The component the generated file holds for a contracts enum: its values are filled in at run time. */
export const enumComponent = ({ array }: ContractsEnum) => ({ type: 'string', [CONTRACTS_ENUM]: array });
