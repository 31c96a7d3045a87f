using System.Text;
using System.Text.Json;

namespace GraphBff.Sources.GraphQL;

/// <summary>Asks a GraphQL source for its schema by introspection and prints it as SDL.</summary>
internal static class IntrospectionSdl
{
    public const string Query =
        "query IntrospectionQuery { __schema { queryType { name } mutationType { name } subscriptionType { name } " +
        "types { kind name description fields(includeDeprecated: true) { name description args { name description type { ...TypeRef } defaultValue } " +
        "type { ...TypeRef } isDeprecated deprecationReason } inputFields { name description type { ...TypeRef } defaultValue } " +
        "interfaces { ...TypeRef } enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef } } } } " +
        "fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } }";

    public static string ToSdl(JsonElement schema)
    {
        var roots = new Dictionary<string, string>();
        foreach (var (property, name) in new[] { ("queryType", "Query"), ("mutationType", "Mutation"), ("subscriptionType", "Subscription") })
        {
            if (schema.TryGetProperty(property, out var root) && root.ValueKind == JsonValueKind.Object)
            {
                roots[root.GetProperty("name").GetString()!] = name;
            }
        }

        string Rename(string name) => roots.GetValueOrDefault(name, name);

        var sb = new StringBuilder();
        foreach (var type in schema.GetProperty("types").EnumerateArray())
        {
            var name = type.GetProperty("name").GetString()!;
            var kind = type.GetProperty("kind").GetString();
            if (name.StartsWith("__", StringComparison.Ordinal) || name is "String" or "Int" or "Float" or "Boolean" or "ID")
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            AppendDescription(sb, type, "");
            switch (kind)
            {
                case "SCALAR":
                    sb.Append("scalar ").Append(name).Append('\n');
                    break;
                case "ENUM":
                    sb.Append("enum ").Append(name).Append(" {\n");
                    foreach (var value in type.GetProperty("enumValues").EnumerateArray())
                    {
                        AppendDescription(sb, value, "  ");
                        sb.Append("  ").Append(value.GetProperty("name").GetString());
                        AppendDeprecation(sb, value);
                        sb.Append('\n');
                    }

                    sb.Append("}\n");
                    break;
                case "UNION":
                    sb.Append("union ").Append(name).Append(" = ")
                        .Append(string.Join(" | ", type.GetProperty("possibleTypes").EnumerateArray().Select(static t => t.GetProperty("name").GetString())))
                        .Append('\n');
                    break;
                case "INPUT_OBJECT":
                    sb.Append("input ").Append(name).Append(" {\n");
                    foreach (var field in type.GetProperty("inputFields").EnumerateArray())
                    {
                        sb.Append("  ");
                        AppendInputValue(sb, field, Rename);
                        sb.Append('\n');
                    }

                    sb.Append("}\n");
                    break;
                default:
                    sb.Append(kind == "INTERFACE" ? "interface " : "type ").Append(Rename(name));
                    if (type.TryGetProperty("interfaces", out var interfaces) && interfaces.ValueKind == JsonValueKind.Array && interfaces.GetArrayLength() > 0)
                    {
                        sb.Append(" implements ").Append(string.Join(" & ", interfaces.EnumerateArray().Select(static t => t.GetProperty("name").GetString())));
                    }

                    sb.Append(" {\n");
                    foreach (var field in type.GetProperty("fields").EnumerateArray())
                    {
                        AppendDescription(sb, field, "  ");
                        sb.Append("  ").Append(field.GetProperty("name").GetString());
                        var args = field.GetProperty("args");
                        if (args.GetArrayLength() > 0)
                        {
                            sb.Append('(');
                            var first = true;
                            foreach (var arg in args.EnumerateArray())
                            {
                                if (!first)
                                {
                                    sb.Append(", ");
                                }

                                first = false;
                                AppendInputValue(sb, arg, Rename);
                            }

                            sb.Append(')');
                        }

                        sb.Append(": ");
                        AppendType(sb, field.GetProperty("type"), Rename);
                        AppendDeprecation(sb, field);

                        sb.Append('\n');
                    }

                    sb.Append("}\n");
                    break;
            }
        }

        return sb.ToString();
    }

    private static void AppendDeprecation(StringBuilder sb, JsonElement element)
    {
        if (element.TryGetProperty("isDeprecated", out var deprecated) && deprecated.ValueKind == JsonValueKind.True)
        {
            var reason = element.TryGetProperty("deprecationReason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : "No longer supported";
            sb.Append(" @deprecated(reason: ").Append(JsonSerializer.Serialize(reason)).Append(')');
        }
    }

    private static void AppendDescription(StringBuilder sb, JsonElement element, string indent)
    {
        if (element.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String &&
            description.GetString() is { Length: > 0 } text)
        {
            sb.Append(indent).Append(JsonSerializer.Serialize(text)).Append('\n');
        }
    }

    private static void AppendInputValue(StringBuilder sb, JsonElement value, Func<string, string> rename)
    {
        sb.Append(value.GetProperty("name").GetString()).Append(": ");
        AppendType(sb, value.GetProperty("type"), rename);
        if (value.TryGetProperty("defaultValue", out var defaultValue) && defaultValue.ValueKind == JsonValueKind.String)
        {
            sb.Append(" = ").Append(defaultValue.GetString());
        }
    }

    private static void AppendType(StringBuilder sb, JsonElement type, Func<string, string> rename)
    {
        switch (type.GetProperty("kind").GetString())
        {
            case "NON_NULL":
                AppendType(sb, type.GetProperty("ofType"), rename);
                sb.Append('!');
                break;
            case "LIST":
                sb.Append('[');
                AppendType(sb, type.GetProperty("ofType"), rename);
                sb.Append(']');
                break;
            default:
                sb.Append(rename(type.GetProperty("name").GetString()!));
                break;
        }
    }
}
