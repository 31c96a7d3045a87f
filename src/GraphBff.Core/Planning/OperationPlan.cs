using GraphQLParser.AST;

namespace GraphBff.Planning;

/// <summary>An operation compiled once per document (and per @skip/@include outcome): immutable and shared by requests.</summary>
internal sealed class OperationPlan(
    OperationType operationType,
    GraphQLOperationDefinition operation,
    PlanSelectionSet root,
    FetchNode[] rootFetches,
    int fetchCount)
{
    public OperationType OperationType { get; } = operationType;

    public GraphQLOperationDefinition Operation { get; } = operation;

    public PlanSelectionSet Root { get; } = root;

    /// <summary>Nodes with no parent; they start at once (in order, for a mutation).</summary>
    public FetchNode[] RootFetches { get; } = rootFetches;

    public int FetchCount { get; } = fetchCount;

    public bool HasIntrospection { get; } = rootFetches.Any(static f => f is IntrospectionFetch);
}
