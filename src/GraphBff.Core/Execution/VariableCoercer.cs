using System.Text.Json;
using GraphBff.Composition;
using GraphQLParser.AST;

namespace GraphBff.Execution;

/// <summary>Checks the request's variable values against the operation's variable types (no copies: values are forwarded as sent).</summary>
internal static class VariableCoercer
{
    public static List<GraphQLError>? Check(CompositeSchema schema, GraphQLOperationDefinition operation, JsonElement variables)
    {
        List<GraphQLError>? errors = null;
        foreach (var definition in operation.Variables?.Items ?? [])
        {
            var name = definition.Variable.Name.StringValue;
            var type = TypeRef.From(definition.Type);
            var present = variables.ValueKind == JsonValueKind.Object && variables.TryGetProperty(name, out var value);
            if (!present)
            {
                if (type.NonNull && definition.DefaultValue is null)
                {
                    (errors ??= []).Add(Error(definition, $"Variable '${name}' of required type '{type}' was not provided."));
                }

                continue;
            }

            value = variables.GetProperty(name);
            if (Problem(schema, type, value) is { } problem)
            {
                (errors ??= []).Add(Error(definition, $"Variable '${name}' got invalid value {Shorten(value)}; {problem}"));
            }
        }

        return errors;
    }

    private static GraphQLError Error(GraphQLVariableDefinition definition, string message) =>
        new(message, ErrorCodes.BadUserInput);

    private static string Shorten(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length > 80 ? text[..80] + "…" : text;
    }

    private static string? Problem(CompositeSchema schema, TypeRef type, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return type.NonNull ? $"expected type '{type}' not to be null." : null;
        }

        if (type.IsList)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                return Problem(schema, type.ItemType!, value);
            }

            foreach (var item in value.EnumerateArray())
            {
                if (Problem(schema, type.ItemType!, item) is { } problem)
                {
                    return problem;
                }
            }

            return null;
        }

        if (!schema.Types.TryGetValue(type.Name!, out var named))
        {
            return $"type '{type.Name}' is unknown.";
        }

        var kind = value.ValueKind;
        switch (named.Kind)
        {
            case TypeKind.Scalar:
                var ok = named.Name switch
                {
                    "String" => kind == JsonValueKind.String,
                    "ID" => kind == JsonValueKind.String || (kind == JsonValueKind.Number && value.TryGetInt64(out _)),
                    "Int" => kind == JsonValueKind.Number && value.TryGetInt32(out _),
                    "Float" => kind == JsonValueKind.Number,
                    "Boolean" => kind is JsonValueKind.True or JsonValueKind.False,
                    _ => true,
                };
                return ok ? null : $"expected type '{named.Name}'.";
            case TypeKind.Enum:
                return kind == JsonValueKind.String && named.EnumValues.Contains(value.GetString()!)
                    ? null
                    : $"expected one of {string.Join(", ", named.EnumValues)}.";
            case TypeKind.InputObject:
                if (kind != JsonValueKind.Object)
                {
                    return $"expected an object of type '{named.Name}'.";
                }

                foreach (var property in value.EnumerateObject())
                {
                    if (named.InputFields.All(f => f.Name != property.Name))
                    {
                        return $"field '{property.Name}' is not defined by type '{named.Name}'.";
                    }
                }

                foreach (var field in named.InputFields)
                {
                    if (value.TryGetProperty(field.Name, out var fieldValue))
                    {
                        if (Problem(schema, field.Type, fieldValue) is { } problem)
                        {
                            return $"at '{field.Name}': {problem}";
                        }
                    }
                    else if (field.Type.NonNull && field.DefaultValue is null)
                    {
                        return $"field '{field.Name}' of required type '{field.Type}' was not provided.";
                    }
                }

                return null;
            default:
                return $"'{named.Name}' is not an input type.";
        }
    }
}
