using GraphQLParser.AST;

namespace GraphBff.Planning;

/// <summary>The operation's <c>__schema</c> / <c>__type</c> fields, answered by GraphQL.NET from the composed schema.</summary>
internal sealed class IntrospectionFetch(int id, GraphQLDocument document) : FetchNode(id, "(introspection)", null)
{
    public GraphQLDocument Document { get; } = document;
}
