import ts from 'typescript';
import { enumComponent, stringLiterals, valueSetKey, type ContractsEnum } from './contracts-enums';

/** An OpenAPI 3.0 schema object, as far as this converter writes them. */
export type Schema = { [key: string]: unknown };

const REF = '#/components/schemas/';
const BINARY_CLASSES = new Set(['StreamableFile', 'Buffer', 'Uint8Array', 'Readable']);

/**
 * Turns TypeScript types into OpenAPI 3.0 schemas. A type declared by name in the project (an interface,
 * a class, a non-generic type alias) becomes a component and is referenced; anything else is inlined.
 * `string | null` is `{type: string, nullable: true}`; optional properties are left out of `required`.
 * A union of string literals with the values of a contracts enum refers to that enum's component, which names
 * the array (the document reads the values from it at run time, so a new value changes no generated file).
 */
export class TypeSchemas {
  readonly components: Record<string, Schema> = {};
  private readonly componentSymbols = new Map<string, ts.Symbol>();
  private readonly inlining = new Set<ts.Type>();
  /** The contracts array behind each enum component. */
  private readonly enumArrays = new Map<string, string>();

  constructor(
    private readonly checker: ts.TypeChecker,
    /** By value set (`valueSetKey`). */
    private readonly contractsEnums: ReadonlyMap<string, ContractsEnum>,
  ) {}

  /** The schema of a handler's value: `undefined` when it answers no body (`void`). */
  responseOf(type: ts.Type): Schema | undefined {
    const awaited = this.checker.getAwaitedType(type) ?? type;
    if (awaited.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) return undefined;
    return this.schemaOf(awaited);
  }

  /** Declares a named type (a request DTO class) as a component and returns its name. */
  component(type: ts.Type): string {
    const name = this.nameOf(type);
    if (!name) throw new Error(`${this.checker.typeToString(type)} has no name to be a component`);
    this.schemaOf(type);
    return name;
  }

  schemaOf(type: ts.Type, asComponent = false): Schema {
    const values = stringLiterals(type);
    const contractsEnum = values && this.enumReference(values, type.aliasSymbol);
    if (contractsEnum) return contractsEnum;
    const name = asComponent ? undefined : this.nameOf(type);
    if (name) return this.reference(name, type);
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (f & ts.TypeFlags.String) return { type: 'string' };
    if (f & ts.TypeFlags.Number) return { type: 'number' };
    if (f & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (type.isStringLiteral()) return { type: 'string', enum: [type.value] };
    if (type.isNumberLiteral()) return { type: 'number', enum: [type.value] };
    if (f & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', enum: [this.checker.typeToString(type) === 'true'] };
    if (f & ts.TypeFlags.Null) return { nullable: true };
    if (type.isUnion()) return this.unionOf(type.types);
    if (type.isIntersection() && type.types.some((t) => !(t.flags & ts.TypeFlags.Object))) {
      return { allOf: type.types.map((t) => this.schemaOf(t)) };
    }
    if (f & ts.TypeFlags.Object || type.isIntersection()) return this.objectOf(type);
    throw new Error(`No schema for the type ${this.checker.typeToString(type)}`);
  }

  private reference(name: string, type: ts.Type): Schema {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (!symbol) throw new Error(`${name} has no symbol`);
    const known = this.componentSymbols.get(name);
    if ((known && known !== symbol) || this.enumArrays.has(name))
      throw new Error(`Two types are named ${name}: give one another name`);
    if (!known) {
      this.componentSymbols.set(name, symbol);
      this.components[name] = {};
      this.components[name] = this.schemaOf(type, true);
    }
    return { $ref: `${REF}${name}` };
  }

  /** A reference to the component of the contracts enum with these values, named by the alias when TypeScript kept it. */
  private enumReference(values: readonly string[], alias: ts.Symbol | undefined): Schema | undefined {
    const contractsEnum = this.contractsEnums.get(valueSetKey(values));
    if (!contractsEnum) return undefined;
    const aliasName = alias && this.declaredInProject(alias, ts.isTypeAliasDeclaration) ? alias.name : undefined;
    const name = aliasName ?? contractsEnum.component;
    const known = this.enumArrays.get(name);
    if ((known && known !== contractsEnum.array) || this.componentSymbols.has(name)) {
      throw new Error(`Two types are named ${name}: give one another name`);
    }
    this.enumArrays.set(name, contractsEnum.array);
    this.components[name] = enumComponent(contractsEnum);
    return { $ref: `${REF}${name}` };
  }

  /** The project's name for a type, when it has one that can be a component (not generic, not a library's). */
  private nameOf(type: ts.Type): string | undefined {
    if (type.aliasSymbol) {
      if (type.aliasTypeArguments?.length) return undefined;
      return this.declaredInProject(type.aliasSymbol, ts.isTypeAliasDeclaration) ? type.aliasSymbol.name : undefined;
    }
    const symbol = type.getSymbol();
    if (!symbol || !(type.flags & ts.TypeFlags.Object)) return undefined;
    if (this.checker.getTypeArguments(type as ts.TypeReference).length) return undefined;
    const named = (d: ts.Node) => ts.isInterfaceDeclaration(d) || ts.isClassDeclaration(d);
    return this.declaredInProject(symbol, named) ? symbol.name : undefined;
  }

  private declaredInProject(symbol: ts.Symbol, kind: (node: ts.Node) => boolean): boolean {
    const declaration = symbol.declarations?.[0];
    if (!declaration || !kind(declaration)) return false;
    if ((declaration as ts.InterfaceDeclaration).typeParameters?.length) return false;
    return !declaration.getSourceFile().fileName.includes('/node_modules/');
  }

  private unionOf(members: readonly ts.Type[]): Schema {
    const present = members.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    const nullable = present.some((t) => t.flags & ts.TypeFlags.Null);
    let rest = present.filter((t) => !(t.flags & ts.TypeFlags.Null));
    const booleans = rest.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
    if (booleans.length === 2) rest = rest.filter((t) => !(t.flags & ts.TypeFlags.BooleanLiteral));
    // `Rows | StreamableFile`: the file is another media type (CSV, declared by @ApiProduces); JSON is the rows.
    const json = rest.filter((t) => !BINARY_CLASSES.has(t.getSymbol()?.getName() ?? ''));
    if (json.length && json.length < rest.length) rest = json;
    let schema: Schema;
    if (rest.length && rest.every((t) => t.isStringLiteral())) {
      const values = rest.map((t) => (t as ts.StringLiteralType).value);
      schema = this.enumReference(values, undefined) ?? { type: 'string', enum: values };
    } else if (rest.length && rest.every((t) => t.isNumberLiteral())) {
      schema = { type: 'number', enum: rest.map((t) => (t as ts.NumberLiteralType).value) };
    } else {
      const parts = rest.map((t) => this.schemaOf(t));
      if (booleans.length === 2) parts.push({ type: 'boolean' });
      schema = parts.length === 1 ? parts[0] : { anyOf: parts };
    }
    if (!nullable) return schema;
    // OpenAPI 3.0 ignores siblings of $ref, so a nullable reference wraps it.
    // `nullable` needs a `type` beside it, and OpenAPI 3.0 ignores the siblings of a $ref.
    if (schema.type) return { ...schema, nullable: true };
    const parts = schema.$ref ? [schema] : ((schema.anyOf as Schema[] | undefined) ?? []);
    const types = new Set(
      parts.map((s) => (s.$ref ? this.components[String(s.$ref).slice(REF.length)]?.type : s.type)),
    );
    const type = types.size === 1 ? ([...types][0] ?? 'object') : undefined;
    if (!type) throw new Error(`A nullable union of different types needs a name: ${JSON.stringify(schema)}`);
    return schema.$ref ? { type, allOf: [schema], nullable: true } : { type, ...schema, nullable: true };
  }

  private objectOf(type: ts.Type): Schema {
    const symbolName = type.getSymbol()?.name ?? '';
    if (symbolName === 'Date') return { type: 'string', format: 'date-time' };
    if (BINARY_CLASSES.has(symbolName)) return { type: 'string', format: 'binary' };
    if (this.checker.isArrayType(type)) {
      return { type: 'array', items: this.schemaOf(this.checker.getTypeArguments(type as ts.TypeReference)[0]) };
    }
    if (this.checker.isTupleType(type)) {
      const elements = this.checker.getTypeArguments(type as ts.TypeReference);
      const items = this.unionOf(elements);
      return { type: 'array', items, minItems: elements.length, maxItems: elements.length };
    }
    if (this.inlining.has(type)) throw new Error(`${this.checker.typeToString(type)} refers to itself: name it`);
    this.inlining.add(type);
    try {
      return this.propertiesOf(type);
    } finally {
      this.inlining.delete(type);
    }
  }

  private propertiesOf(type: ts.Type): Schema {
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const property of this.checker.getPropertiesOfType(type)) {
      if (property.flags & ts.SymbolFlags.Method) continue;
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      if (
        declaration &&
        ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)
      )
        continue;
      const propertyType = this.checker.getTypeOfSymbol(property);
      if (propertyType.getCallSignatures().length) continue;
      const schema = this.schemaOf(propertyType);
      const description = ts.displayPartsToString(property.getDocumentationComment(this.checker)).trim();
      properties[property.name] = description && !schema.$ref ? { ...schema, description } : schema;
      if (!(property.flags & ts.SymbolFlags.Optional)) required.push(property.name);
    }
    const schema: Schema = { type: 'object', properties };
    if (required.length) schema.required = required;
    const index = this.checker.getIndexInfosOfType(type).find((i) => i.keyType.flags & ts.TypeFlags.String);
    if (index) schema.additionalProperties = this.schemaOf(index.type);
    return schema;
  }
}
