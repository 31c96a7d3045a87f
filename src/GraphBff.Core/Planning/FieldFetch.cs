using GraphBff.Composition;

namespace GraphBff.Planning;

/// <summary>
/// A field fetched per parent (a REST <c>@http</c> field, a <c>@delegate</c> join, or a REST root field): the parents are
/// gathered from the parent node's result along <see cref="ParentPath"/>, keyed, de-duplicated, and fetched in one batch.
/// </summary>
internal sealed class FieldFetch : FetchNode
{
    public FieldFetch(int id, FieldResolver resolver, FetchNode? parent, byte[][] parentPath)
        : base(id, resolver.Source, parent)
    {
        Resolver = resolver;
        ParentPath = parentPath;
    }

    public FieldResolver Resolver { get; }

    /// <summary>Property names from each of the parent node's result values down to the parent objects (lists flatten).</summary>
    public byte[][] ParentPath { get; }

    /// <summary>For each <c>$fields:</c> name, the UTF-8 property that holds it in the parent's JSON.</summary>
    public Dictionary<string, byte[]> KeyProperties { get; } = new(StringComparer.Ordinal);

    /// <summary>The client's arguments of the field, for <c>$arguments:</c>.</summary>
    public Dictionary<string, ArgumentValue> Arguments { get; } = new(StringComparer.Ordinal);

    /// <summary>For a GraphQL delegation: the selection on the upstream root field, e.g. <c>{ id name }</c>.</summary>
    public string? Selection { get; set; }

    /// <summary>For a GraphQL delegation: client variables the selection uses.</summary>
    public string[] Variables { get; set; } = [];

    /// <summary>For a GraphQL delegation: <c>query</c> with the definitions of <see cref="Variables"/>.</summary>
    public string DocumentPrefix { get; set; } = "query";

    public string? FieldLabel { get; init; }

    /// <summary>The parents' type: under an interface or union, parents of other types (by <c>__typename</c>) are skipped.</summary>
    public string? ParentType { get; init; }

    /// <summary>Set when the parents sit under an interface or union: the property that holds their type name.</summary>
    public byte[]? ParentTypenameProperty { get; init; }
}
