using System.Text.Json;
using GraphQL.Types;
using GraphQLParser.AST;

namespace GraphBff.Core.Tests.Differential;

/// <summary>The catalog's <c>JSON</c> scalar: any JSON value, written as it is; literals and variables become JSON too.</summary>
internal sealed class CatalogJsonGraphType : ScalarGraphType
{
    public CatalogJsonGraphType()
    {
        Name = "JSON";
        Description = "Any JSON value.";
    }

    public override bool CanParseLiteral(GraphQLValue value) => value is not GraphQLVariable;

    public override object? ParseLiteral(GraphQLValue value) => GraphQLLiteralJson.ToNode(value);

    public override bool CanParseValue(object? value) => true;

    public override object? ParseValue(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value);

    public override object? Serialize(object? value) => value;
}
