using GraphQLParser.AST;

namespace GraphBff.Composition;

/// <summary>A field of an object or interface type in the composed graph, with how it is resolved.</summary>
internal sealed class CompositeField
{
    public CompositeField(string name, TypeRef type, IReadOnlyList<CompositeArgument> arguments)
    {
        Name = name;
        Type = type;
        Arguments = arguments;
    }

    public string Name { get; }

    public TypeRef Type { get; set; }

    public IReadOnlyList<CompositeArgument> Arguments { get; }

    public string? Description { get; init; }

    public string? DeprecationReason { get; init; }

    /// <summary>The source that declared the field, or null for a field added by an extension.</summary>
    public string? Source { get; init; }

    /// <summary>Where the field was declared, for error messages.</summary>
    public string? File { get; init; }

    /// <summary>How the field is fetched; null when it is read from its parent's data.</summary>
    public FieldResolver? Resolver { get; set; }

    /// <summary>Hidden fields stay usable as <c>$fields:</c> keys and delegation targets but are not in the public schema.</summary>
    public bool Hidden { get; set; }

    /// <summary>Directives applied where the field was declared (authorization reads these).</summary>
    public IReadOnlyList<GraphQLDirective> Directives { get; init; } = [];

    /// <summary>The <c>@authorize</c> rules that guard the field; null when anyone may read it.</summary>
    public Authorization.FieldAuthorization? Authorization { get; set; }

    public CompositeArgument? FindArgument(string name)
    {
        foreach (var argument in Arguments)
        {
            if (argument.Name == name)
            {
                return argument;
            }
        }

        return null;
    }
}
