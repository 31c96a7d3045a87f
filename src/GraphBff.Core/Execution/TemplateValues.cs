using System.Globalization;
using System.Text;
using System.Text.Json;
using GraphBff.Composition;
using GraphBff.Planning;
using GraphQLParser.AST;

namespace GraphBff.Execution;

/// <summary>Turns template holes into values: a parent's key, an argument, a claim or a header.</summary>
internal static class TemplateValues
{
    private const char KeySeparator = '\u001f';

    /// <summary>The parent's join key: its <c>$fields:</c> values. False when one is missing or null (no fetch; the field is null).</summary>
    public static bool TryGetKey(FieldFetch fetch, JsonElement parent, bool hasParent, out string key)
    {
        key = "";
        if (fetch.KeyProperties.Count == 0)
        {
            return true;
        }

        if (!hasParent || parent.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        StringBuilder? sb = null;
        foreach (var property in fetch.KeyProperties.Values)
        {
            if (!parent.TryGetProperty(property, out var value) || !TryScalarText(value, out var text))
            {
                return false;
            }

            if (fetch.KeyProperties.Count == 1)
            {
                key = text;
                return true;
            }

            (sb ??= new StringBuilder()).Append(text).Append(KeySeparator);
        }

        key = sb!.ToString();
        return true;
    }

    public static bool TryScalarText(JsonElement value, out string text)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                text = value.GetString()!;
                return true;
            case JsonValueKind.Number:
                text = value.GetRawText();
                return true;
            case JsonValueKind.True:
                text = "true";
                return true;
            case JsonValueKind.False:
                text = "false";
                return true;
            default:
                text = "";
                return false;
        }
    }

    /// <summary>A hole's value as plain text (URL parts, headers); null when absent.</summary>
    public static string? Text(TemplatePart part, FieldFetch fetch, JsonElement parent, ExecutionState state)
    {
        switch (part.Kind)
        {
            case TemplateVariableKind.Fields:
                return parent.ValueKind == JsonValueKind.Object &&
                       parent.TryGetProperty(fetch.KeyProperties[part.Name!], out var value) &&
                       TryScalarText(value, out var text)
                    ? text
                    : null;
            case TemplateVariableKind.Arguments:
                return ArgumentText(fetch.Arguments[part.Name!], state);
            case TemplateVariableKind.Claims:
                return state.Context.User?.FindFirst(part.Name!)?.Value;
            case TemplateVariableKind.Headers:
                return state.Context.GetHeader(part.Name!);
            default:
                return null;
        }
    }

    /// <summary>A hole's value as a GraphQL literal (delegation arguments); null when absent.</summary>
    public static string? Literal(TemplatePart part, FieldFetch fetch, JsonElement parent, ExecutionState state)
    {
        if (part.IsLiteral)
        {
            return part.Literal;
        }

        switch (part.Kind)
        {
            case TemplateVariableKind.Fields:
                return parent.ValueKind == JsonValueKind.Object &&
                       parent.TryGetProperty(fetch.KeyProperties[part.Name!], out var value)
                    ? JsonToLiteral(value)
                    : null;
            case TemplateVariableKind.Arguments:
                var argument = fetch.Arguments[part.Name!];
                if (argument.Literal is not null)
                {
                    return SchemaComposer.Print(argument.Literal);
                }

                if (argument.Variable is not null && TryVariable(state, argument.Variable, out var variable))
                {
                    return JsonToLiteral(variable);
                }

                return argument.DefaultLiteral;
            default:
                return Text(part, fetch, parent, state) is { } text ? Quote(text) : null;
        }
    }

    private static string? ArgumentText(ArgumentValue argument, ExecutionState state)
    {
        if (argument.Literal is not null)
        {
            return argument.Literal switch
            {
                GraphQLStringValue s => s.Value.ToString(),
                GraphQLEnumValue e => e.Name.StringValue,
                GraphQLNullValue => null,
                var other => SchemaComposer.Print(other),
            };
        }

        if (argument.Variable is not null && TryVariable(state, argument.Variable, out var value))
        {
            return value.ValueKind == JsonValueKind.Null ? null : TryScalarText(value, out var text) ? text : value.GetRawText();
        }

        return argument.DefaultLiteral is { } literal && literal.Length >= 2 && literal[0] == '"'
            ? literal[1..^1]
            : argument.DefaultLiteral;
    }

    private static bool TryVariable(ExecutionState state, string name, out JsonElement value)
    {
        value = default;
        return state.Variables.ValueKind == JsonValueKind.Object && state.Variables.TryGetProperty(name, out value);
    }

    public static string JsonToLiteral(JsonElement value)
    {
        var sb = new StringBuilder();
        AppendLiteral(sb, value);
        return sb.ToString();
    }

    private static void AppendLiteral(StringBuilder sb, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                sb.Append(Quote(value.GetString()!));
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!first)
                    {
                        sb.Append(", ");
                    }

                    first = false;
                    AppendLiteral(sb, item);
                }

                sb.Append(']');
                break;
            case JsonValueKind.Object:
                sb.Append('{');
                var firstField = true;
                foreach (var property in value.EnumerateObject())
                {
                    if (!firstField)
                    {
                        sb.Append(", ");
                    }

                    firstField = false;
                    sb.Append(property.Name).Append(": ");
                    AppendLiteral(sb, property.Value);
                }

                sb.Append('}');
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                sb.Append("null");
                break;
            default:
                sb.Append(value.GetRawText());
                break;
        }
    }

    /// <summary>A GraphQL string literal; JSON's escapes are GraphQL's.</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text);

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
