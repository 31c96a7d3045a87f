using GraphBff;

namespace GraphBff.Planning;

/// <summary>The fetch whose result holds a selection set's parent objects, and what kind of source it is.</summary>
internal readonly record struct Origin(OriginKind Kind, FetchNode? Fetch)
{
    public static Origin Root => new(OriginKind.Root, null);

    public static Origin From(FetchNode fetch, SourceKind kind) =>
        new(kind == SourceKind.GraphQL ? OriginKind.GraphQL : OriginKind.Rest, fetch);
}
