using GraphQL.Types;
using GraphQLParser.AST;

namespace GraphBff.Composition;

/// <summary>A custom scalar of a source: the gateway passes its values through as the source wrote them.</summary>
internal sealed class PassThroughScalarGraphType : ScalarGraphType
{
    public PassThroughScalarGraphType(string name)
    {
        Name = name;
    }

    public override object? ParseLiteral(GraphQLValue value) => value;

    public override object? ParseValue(object? value) => value;

    public override bool CanParseLiteral(GraphQLValue value) => true;

    public override bool CanParseValue(object? value) => true;
}
