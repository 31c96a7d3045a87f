using System.Globalization;
using System.Text.Json.Nodes;
using GraphQLParser.AST;

namespace GraphBff.Core.Tests.Differential;

/// <summary>Turns a GraphQL literal (as a <c>JSON</c> scalar argument) into the JSON value it denotes.</summary>
internal static class GraphQLLiteralJson
{
    public static JsonNode? ToNode(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLBooleanValue b => JsonValue.Create(b.BoolValue),
        GraphQLIntValue i => JsonValue.Create(long.Parse((string)i.Value, CultureInfo.InvariantCulture)),
        GraphQLFloatValue f => JsonValue.Create(double.Parse((string)f.Value, CultureInfo.InvariantCulture)),
        GraphQLStringValue s => JsonValue.Create((string)s.Value),
        GraphQLEnumValue e => JsonValue.Create(e.Name.StringValue),
        GraphQLListValue l => new JsonArray([.. (l.Values ?? []).Select(ToNode)]),
        GraphQLObjectValue o => ToObject(o),
        _ => throw new InvalidOperationException("No JSON value for a " + value.Kind + " literal."),
    };

    private static JsonObject ToObject(GraphQLObjectValue value)
    {
        var result = new JsonObject();
        foreach (var field in value.Fields ?? [])
        {
            result[field.Name.StringValue] = ToNode(field.Value);
        }

        return result;
    }
}
