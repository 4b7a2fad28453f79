import { schema as published } from '@octokit/graphql-schema';
import {
  buildClientSchema,
  type DocumentNode,
  execute,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  validate,
} from 'graphql';

/** GitHub's published GraphQL schema (@octokit/graphql-schema's introspection), built once. */
let built: GraphQLSchema | undefined;
export const githubSchema = () => {
  built ??= buildClientSchema(published.json as never);
  return built;
};

/** An error in GitHub's GraphQL shape: a `type` beside the message (RATE_LIMITED, NOT_FOUND, ...). */
export interface GithubGraphqlError {
  type?: string;
  message: string;
  path?: readonly (string | number)[];
  locations?: readonly { line: number; column: number }[];
}

/** A query GitHub refuses before running it. */
export class RefusedQuery extends Error {
  constructor(readonly errors: GithubGraphqlError[]) {
    super(errors[0]?.message);
  }
}

/** A parsed, validated query with its coerced variables and its cost in GitHub's terms. */
export interface CheckedQuery {
  document: DocumentNode;
  /** As sent (graphql-js coerces them again when it runs the query). */
  variables: Record<string, unknown>;
  /** Points: connection requests (a connection's parents' count) over 100, rounded, at least 1. */
  cost: number;
  /** Nodes asked for at most: each connection's `first`/`last` times its parents' count. */
  nodeCount: number;
}

const paginationError = (type: string, message: string) => new RefusedQuery([{ type, message }]);

/**
 * GitHub's node and cost rules ("Rate limits and query limits for the GraphQL API"): every
 * connection needs `first` or `last` between 1 and 100, a query asks at most 500,000 nodes, and
 * costs its connection requests (each connection counted once per parent node) over 100.
 */
function measure(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>) {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  let requests = 0;
  let nodeCount = 0;
  const walk = (set: SelectionSetNode, type: GraphQLCompositeType, parents: number) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const fields = isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
        const field = fields[selection.name.value];
        if (!field) continue;
        const named = getNamedType(field.type);
        let count = parents;
        if (named.name.endsWith('Connection')) {
          const args = getArgumentValues(field, selection, variables);
          const size = (args.first ?? args.last) as number | undefined;
          const name = selection.name.value;
          if (size === undefined)
            throw paginationError(
              'MISSING_PAGINATION_BOUNDARIES',
              `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
            );
          if (size < 1 || size > 100)
            throw paginationError(
              'EXCESSIVE_PAGINATION',
              `Requesting ${size} records on the \`${name}\` connection exceeds the \`${args.first === undefined ? 'last' : 'first'}\` limit of 100 records.`,
            );
          requests += parents;
          count = parents * size;
          nodeCount += count;
        }
        if (selection.selectionSet && isCompositeType(named)) walk(selection.selectionSet, named, count);
      } else {
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (!fragment) continue;
        const on = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
        if (on && isCompositeType(on)) walk(fragment.selectionSet, on, parents);
      }
    }
  };
  return { walk, totals: () => ({ requests, nodeCount }) };
}

/** Each query text parsed and validated once: its document, or why GitHub refuses it. */
const documents = new Map<string, DocumentNode | RefusedQuery>();

function parsedQuery(schema: GraphQLSchema, query: string): DocumentNode {
  let parsed = documents.get(query);
  if (!parsed) {
    try {
      const document = parse(query);
      const invalid = validate(schema, document);
      parsed =
        invalid.length > 0
          ? new RefusedQuery(invalid.map((e) => ({ message: e.message, locations: e.locations })))
          : document;
    } catch (error) {
      parsed = new RefusedQuery([{ message: (error as GraphQLError).message }]);
    }
    documents.set(query, parsed);
  }
  if (parsed instanceof RefusedQuery) throw parsed;
  return parsed;
}

/** Parses, validates against GitHub's schema and measures a query; throws {@link RefusedQuery}. */
export function checkQuery(query: string, rawVariables: Record<string, unknown>): CheckedQuery {
  const schema = githubSchema();
  const document = parsedQuery(schema, query);
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operations.length !== 1 || operations[0]!.operation !== 'query')
    throw new RefusedQuery([{ message: 'The fake answers one query operation per request.' }]);
  const operation = operations[0]!;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) throw new RefusedQuery(coerced.errors.map((e) => ({ message: e.message })));
  const { walk, totals } = measure(schema, document, coerced.coerced);
  walk(operation.selectionSet, schema.getQueryType()!, 1);
  const { requests, nodeCount } = totals();
  if (nodeCount > 500_000)
    throw paginationError(
      'MAX_NODE_LIMIT_EXCEEDED',
      `This query requests up to ${nodeCount} possible nodes which exceeds the maximum limit of 500,000.`,
    );
  return { document, variables: rawVariables, cost: Math.max(1, Math.round(requests / 100)), nodeCount };
}

/** Runs a checked query against `root` (the Query type's fields); GitHub's `{ data, errors }` body. */
export async function runQuery(checked: CheckedQuery, root: Record<string, unknown>) {
  const result = await execute({
    schema: githubSchema(),
    document: checked.document,
    rootValue: root,
    variableValues: checked.variables,
  });
  const errors: GithubGraphqlError[] | undefined = result.errors?.map((e) => ({
    ...(typeof e.extensions.type === 'string' ? { type: e.extensions.type } : {}),
    message: e.message,
    path: e.path,
    locations: e.locations,
  }));
  return { data: result.data ?? null, ...(errors ? { errors } : {}) };
}

/** A field error of GitHub's kind (NOT_FOUND, ...), for resolvers to throw. */
export const githubError = (type: string, message: string) =>
  new GraphQLError(message, { extensions: { type } });
