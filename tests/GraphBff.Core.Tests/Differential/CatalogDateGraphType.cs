using GraphQL.Types;
using GraphQLParser.AST;

namespace GraphBff.Core.Tests.Differential;

/// <summary>The catalog's <c>Date</c> scalar: an ISO date string such as "2024-05-01", kept as a string.</summary>
internal sealed class CatalogDateGraphType : ScalarGraphType
{
    public CatalogDateGraphType()
    {
        Name = "Date";
        Description = "An ISO-8601 calendar date, e.g. \"2024-05-01\".";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s when IsDate((string)s.Value) => (string)s.Value,
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s when IsDate(s) => s,
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        string s => s,
        _ => ThrowSerializationError(value),
    };

    private static bool IsDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);
}
