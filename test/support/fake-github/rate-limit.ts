import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionNode,
  type ValueNode,
} from "graphql";

/**
 * GitHub's primary rate limits as the fake serves them: one bucket per resource (`core` for REST,
 * `graphql`), reported in every response's `x-ratelimit-*` headers. A REST request uses one point;
 * a GraphQL query uses its cost, computed as GitHub documents it: for each connection in the
 * query, the number of requests needed to fill it (the product of the `first`/`last` of the
 * connections above it), summed, divided by 100 and rounded, at least 1. A bucket without the
 * points for a request refuses it as GitHub does (REST: 403 with remaining 0; GraphQL: 200 with a
 * `RATE_LIMITED` error). Buckets never refill by themselves: a test calls `refill` for "an hour later".
 */

export interface RateBucket {
  limit: number;
  used: number;
  /** Epoch seconds when the bucket refills. */
  reset: number;
}

export type RateResource = "core" | "graphql";

export class RateLimits {
  readonly core: RateBucket;
  readonly graphql: RateBucket;

  constructor(limit = 5000) {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    this.core = { limit, used: 0, reset };
    this.graphql = { limit, used: 0, reset };
  }

  /** Spends `points` from a bucket, or returns false (nothing spent) when it has fewer left. */
  spend(resource: RateResource, points: number): boolean {
    const bucket = this[resource];
    if (bucket.used + points > bucket.limit) return false;
    bucket.used += points;
    return true;
  }

  remaining(resource: RateResource): number {
    return Math.max(0, this[resource].limit - this[resource].used);
  }

  /** The next hour: the bucket is full again (optionally with a new limit). */
  refill(resource: RateResource, limit = this[resource].limit): void {
    const bucket = this[resource];
    bucket.limit = limit;
    bucket.used = 0;
    bucket.reset = Math.floor(Date.now() / 1000) + 3600;
  }

  headers(resource: RateResource): Record<string, string> {
    const bucket = this[resource];
    return {
      "x-ratelimit-limit": String(bucket.limit),
      "x-ratelimit-remaining": String(this.remaining(resource)),
      "x-ratelimit-used": String(bucket.used),
      "x-ratelimit-reset": String(bucket.reset),
      "x-ratelimit-resource": resource,
    };
  }
}

/** The rate-limit cost of a (valid) GraphQL operation, by GitHub's published rule. */
export function graphqlCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations.find((o) => !operationName || o.name?.value === operationName) ?? operations[0];
  if (!operation) return 1;
  if (operation.operation === "mutation") return 1;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root = schema.getQueryType();
  if (!root) return 1;

  const count = (node: ValueNode | undefined): number | undefined => {
    if (!node) return undefined;
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) {
      const value = variables[node.name.value];
      return typeof value === "number" ? value : undefined;
    }
    return undefined;
  };

  let requests = 0;
  const walk = (selections: readonly SelectionNode[], parent: GraphQLCompositeType, multiplier: number) => {
    for (const selection of selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const name = selection.typeCondition?.name.value;
        const type = name ? schema.getType(name) : parent;
        if (type && isCompositeType(type)) walk(selection.selectionSet.selections, type, multiplier);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && type && isCompositeType(type)) walk(fragment.selectionSet.selections, type, multiplier);
        continue;
      }
      if (!(isObjectType(parent) || isInterfaceType(parent))) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const type = getNamedType(field.type);
      let inner = multiplier;
      if (type.name.endsWith("Connection")) {
        requests += multiplier;
        const arg = (name: string) => count(selection.arguments?.find((a) => a.name.value === name)?.value);
        inner = multiplier * (arg("first") ?? arg("last") ?? 1);
      }
      if (selection.selectionSet && isCompositeType(type)) walk(selection.selectionSet.selections, type, inner);
    }
  };
  walk(operation.selectionSet.selections, root, 1);
  return Math.max(1, Math.round(requests / 100));
}
