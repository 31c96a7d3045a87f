using System.Text;

namespace GraphBff.Composition;

/// <summary>Prints the public graph: root types first, then the rest by name; hidden fields and gateway directives left out.</summary>
internal static class SchemaPrinter
{
    private static readonly string[] s_roots = ["Query", "Mutation", "Subscription"];

    public static string Print(IReadOnlyDictionary<string, CompositeType> types)
    {
        var sb = new StringBuilder();
        var ordered = s_roots.Where(types.ContainsKey).Select(r => types[r])
            .Concat(types.Values.Where(static t => !s_roots.Contains(t.Name)).OrderBy(static t => t.Name, StringComparer.Ordinal));
        foreach (var type in ordered)
        {
            if (type.Kind == TypeKind.Scalar && type.Name is "String" or "Int" or "Float" or "Boolean" or "ID")
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            AppendDescription(sb, type.Description, "");
            switch (type.Kind)
            {
                case TypeKind.Scalar:
                    sb.Append("scalar ").Append(type.Name).Append('\n');
                    break;
                case TypeKind.Enum:
                    sb.Append("enum ").Append(type.Name).Append(" {\n");
                    foreach (var value in type.EnumValues)
                    {
                        type.EnumValueDetails.TryGetValue(value, out var details);
                        AppendDescription(sb, details.Description, "  ");
                        sb.Append("  ").Append(value);
                        if (details.DeprecationReason is { } valueReason)
                        {
                            sb.Append(" @deprecated(reason: ").Append(Quote(valueReason)).Append(')');
                        }

                        sb.Append('\n');
                    }

                    sb.Append("}\n");
                    break;
                case TypeKind.Union:
                    sb.Append("union ").Append(type.Name).Append(" = ").Append(string.Join(" | ", type.PossibleTypes)).Append('\n');
                    break;
                case TypeKind.InputObject:
                    sb.Append("input ").Append(type.Name).Append(" {\n");
                    foreach (var field in type.InputFields)
                    {
                        AppendDescription(sb, field.Description, "  ");
                        sb.Append("  ");
                        AppendInputValue(sb, field);
                        sb.Append('\n');
                    }

                    sb.Append("}\n");
                    break;
                default:
                    sb.Append(type.Kind == TypeKind.Interface ? "interface " : "type ").Append(type.Name);
                    if (type.Interfaces.Count > 0)
                    {
                        sb.Append(" implements ").Append(string.Join(" & ", type.Interfaces));
                    }

                    sb.Append(" {\n");
                    foreach (var field in type.Fields)
                    {
                        if (field.Hidden)
                        {
                            continue;
                        }

                        AppendDescription(sb, field.Description, "  ");
                        sb.Append("  ").Append(field.Name);
                        if (field.Arguments.Count > 0)
                        {
                            sb.Append('(');
                            for (var i = 0; i < field.Arguments.Count; i++)
                            {
                                if (i > 0)
                                {
                                    sb.Append(", ");
                                }

                                AppendInputValue(sb, field.Arguments[i]);
                            }

                            sb.Append(')');
                        }

                        sb.Append(": ");
                        field.Type.Append(sb);
                        if (field.DeprecationReason is { } reason)
                        {
                            sb.Append(" @deprecated(reason: ").Append(Quote(reason)).Append(')');
                        }

                        sb.Append('\n');
                    }

                    sb.Append("}\n");
                    break;
            }
        }

        return sb.ToString();
    }

    private static void AppendInputValue(StringBuilder sb, CompositeArgument argument)
    {
        sb.Append(argument.Name).Append(": ");
        argument.Type.Append(sb);
        if (argument.DefaultValue is { } value)
        {
            sb.Append(" = ").Append(value);
        }
    }

    private static void AppendDescription(StringBuilder sb, string? description, string indent)
    {
        if (!string.IsNullOrEmpty(description))
        {
            sb.Append(indent).Append(Quote(description)).Append('\n');
        }
    }

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
