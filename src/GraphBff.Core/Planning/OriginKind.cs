namespace GraphBff.Planning;

/// <summary>Where a selection set's parent data comes from while a plan is built.</summary>
internal enum OriginKind
{
    Root,
    GraphQL,
    Rest,
}
