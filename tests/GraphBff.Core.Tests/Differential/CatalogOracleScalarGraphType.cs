using GraphQL.Types;
using GraphQLParser.AST;

namespace GraphBff.Core.Tests.Differential;

/// <summary>
/// A custom scalar of the catalog oracle (<c>Date</c>, <c>JSON</c>): result values are the upstream's JSON values as they
/// are; argument literals become the JSON values they denote, variable values stay as the request sent them.
/// </summary>
internal sealed class CatalogOracleScalarGraphType : ScalarGraphType
{
    public CatalogOracleScalarGraphType(string name)
    {
        Name = name;
    }

    public override bool CanParseLiteral(GraphQLValue value) => value is not GraphQLVariable;

    public override object? ParseLiteral(GraphQLValue value) => GraphQLLiteralJson.ToNode(value);

    public override bool CanParseValue(object? value) => true;

    public override object? ParseValue(object? value) => value;

    public override object? Serialize(object? value) => value;
}
