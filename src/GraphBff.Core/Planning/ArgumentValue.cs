using GraphQLParser.AST;

namespace GraphBff.Planning;

/// <summary>A field argument as the client gave it: a literal, a variable, or the schema's default.</summary>
internal sealed class ArgumentValue(GraphQLValue? literal, string? variable, string? defaultLiteral)
{
    public GraphQLValue? Literal { get; } = literal;

    public string? Variable { get; } = variable;

    /// <summary>The schema default, as a GraphQL literal, used when the argument (or its variable) is absent.</summary>
    public string? DefaultLiteral { get; } = defaultLiteral;
}
