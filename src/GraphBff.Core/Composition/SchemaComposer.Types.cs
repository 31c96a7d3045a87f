using System.Text;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace GraphBff.Composition;

internal sealed partial class SchemaComposer
{
    private CompositeType? BuildType(GraphQLTypeDefinition definition, string? source, string file)
    {
        var name = definition.Name.StringValue;
        var signature = new StringBuilder();
        CompositeType type;
        switch (definition)
        {
            case GraphQLObjectTypeDefinition o:
                type = new CompositeType(name, TypeKind.Object);
                AddFields(type, o.Fields, source, file, signature);
                AddInterfaces(type, o.Interfaces, signature);
                break;
            case GraphQLInterfaceTypeDefinition i:
                type = new CompositeType(name, TypeKind.Interface);
                AddFields(type, i.Fields, source, file, signature);
                AddInterfaces(type, i.Interfaces, signature);
                break;
            case GraphQLUnionTypeDefinition u:
                type = new CompositeType(name, TypeKind.Union);
                foreach (var member in u.Types?.Items ?? [])
                {
                    type.PossibleTypes.Add(member.Name.StringValue);
                    signature.Append('|').Append(member.Name.StringValue);
                }

                break;
            case GraphQLEnumTypeDefinition e:
                type = new CompositeType(name, TypeKind.Enum);
                foreach (var value in e.Values?.Items ?? [])
                {
                    type.EnumValues.Add(value.Name.StringValue);
                    signature.Append(' ').Append(value.Name.StringValue);
                    var description = value.Description?.Value.ToString();
                    var deprecation = Deprecation(value.Directives);
                    if (description is not null || deprecation is not null)
                    {
                        type.EnumValueDetails[value.Name.StringValue] = (description, deprecation);
                    }
                }

                break;
            case GraphQLScalarTypeDefinition:
                type = new CompositeType(name, TypeKind.Scalar);
                break;
            case GraphQLInputObjectTypeDefinition input:
                type = new CompositeType(name, TypeKind.InputObject);
                foreach (var field in input.Fields?.Items ?? [])
                {
                    var argument = BuildArgument(field);
                    type.InputFields.Add(argument);
                    signature.Append(' ').Append(argument.Name).Append(':').Append(argument.Type).Append('=').Append(argument.DefaultValue);
                }

                break;
            default:
                _errors.Add($"{file}: {definition.Kind} '{name}' is not supported.");
                return null;
        }

        type.Description = definition.Description?.Value.ToString();
        type.Source = source;
        type.File = file;
        type.Signature = type.Kind + signature.ToString();
        if (definition is IHasDirectivesNode { Directives: { } directives })
        {
            type.Directives.AddRange(directives.Items);
        }

        return type;
    }

    private static void AddInterfaces(CompositeType type, GraphQLImplementsInterfaces? interfaces, StringBuilder signature)
    {
        foreach (var item in interfaces?.Items ?? [])
        {
            type.Interfaces.Add(item.Name.StringValue);
            signature.Append('&').Append(item.Name.StringValue);
        }
    }

    private static void AddFields(CompositeType type, GraphQLFieldsDefinition? fields, string? source, string file, StringBuilder signature)
    {
        foreach (var definition in fields?.Items ?? [])
        {
            var field = BuildField(definition, source, file);
            type.AddField(field);
            signature.Append(' ').Append(field.Name);
            foreach (var argument in field.Arguments)
            {
                signature.Append('(').Append(argument.Name).Append(':').Append(argument.Type).Append('=').Append(argument.DefaultValue).Append(')');
            }

            signature.Append(':').Append(field.Type);
        }
    }

    private static CompositeField BuildField(GraphQLFieldDefinition definition, string? source, string file)
    {
        var arguments = new List<CompositeArgument>();
        foreach (var argument in definition.Arguments?.Items ?? [])
        {
            arguments.Add(BuildArgument(argument));
        }

        var directives = definition.Directives?.Items ?? [];
        var deprecation = Deprecation(definition.Directives);

        return new CompositeField(definition.Name.StringValue, TypeRef.From(definition.Type), arguments)
        {
            Description = definition.Description?.Value.ToString(),
            DeprecationReason = deprecation,
            Source = source,
            File = file,
            Directives = directives,
        };
    }

    private static string? Deprecation(GraphQLDirectives? directives)
    {
        foreach (var directive in directives?.Items ?? [])
        {
            if (directive.Name.Value == "deprecated")
            {
                return directive.Arguments?.Items.FirstOrDefault() is { Value: GraphQLStringValue reason }
                    ? reason.Value.ToString()
                    : "No longer supported";
            }
        }

        return null;
    }

    private static CompositeArgument BuildArgument(GraphQLInputValueDefinition definition) =>
        new(
            definition.Name.StringValue,
            TypeRef.From(definition.Type),
            definition.DefaultValue is null ? null : Print(definition.DefaultValue),
            definition.Description?.Value.ToString());

    internal static string Print(ASTNode node)
    {
        var printer = new SDLPrinter();
        using var writer = new StringWriter();
        printer.PrintAsync(node, writer).AsTask().GetAwaiter().GetResult();
        return writer.ToString();
    }

    private void AddExtensionTypes(string file, GraphQLDocument document)
    {
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLTypeDefinition typeDefinition || definition is GraphQLTypeExtension or GraphQLDirectiveDefinition)
            {
                continue;
            }

            var type = BuildType(typeDefinition, null, file);
            if (type is null)
            {
                continue;
            }

            if (_types.TryGetValue(type.Name, out var existing))
            {
                _errors.Add($"{file}: type '{type.Name}' is already defined by {existing.File}; use 'extend type'.");
                continue;
            }

            _types[type.Name] = type;
        }
    }

    private void ApplyExtensions(string file, GraphQLDocument document)
    {
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLDirectiveDefinition:
                    break;
                case GraphQLObjectTypeExtension extension:
                    ExtendObject(file, extension);
                    break;
                case GraphQLTypeExtension:
                    _errors.Add($"{file}: only object types may be extended.");
                    break;
                case GraphQLTypeDefinition:
                    break;
                default:
                    _errors.Add($"{file}: {definition.Kind} is not supported in an extension file.");
                    break;
            }
        }
    }

    private void ExtendObject(string file, GraphQLObjectTypeExtension extension)
    {
        var name = extension.Name.StringValue;
        if (!_types.TryGetValue(name, out var type))
        {
            if (!s_rootTypes.Contains(name))
            {
                _errors.Add($"{file}: 'extend type {name}' extends a type that no source defines.");
                return;
            }

            type = new CompositeType(name, TypeKind.Object) { File = file };
            _types[name] = type;
        }

        foreach (var directive in extension.Directives?.Items ?? [])
        {
            if (directive.Name.Value == "hide")
            {
                HideFields(file, type, directive);
            }
            else
            {
                type.Directives.Add(directive);
            }
        }

        foreach (var definition in extension.Fields?.Items ?? [])
        {
            var field = BuildField(definition, null, file);
            var existing = type.FindField(field.Name);
            if (existing is not null && !existing.Type.Equals(field.Type))
            {
                _errors.Add(
                    $"{file}: {name}.{field.Name} is {existing.Type} in {existing.File}; an extension may annotate " +
                    $"or re-route it but not change its type to {field.Type}.");
                continue;
            }

            if (existing is not null)
            {
                // Re-declaring a field annotates it (authorization) or re-routes it (@delegate).
                var merged = new CompositeField(existing.Name, existing.Type, existing.Arguments)
                {
                    Description = field.Description ?? existing.Description,
                    DeprecationReason = existing.DeprecationReason,
                    Source = existing.Source,
                    File = file,
                    Directives = [.. existing.Directives, .. field.Directives],
                    Resolver = existing.Resolver,
                    Hidden = existing.Hidden,
                };
                type.ReplaceField(existing, merged);
                continue;
            }

            type.AddField(field);
        }
    }

    private void HideFields(string file, CompositeType type, GraphQLDirective directive)
    {
        var fields = directive.Arguments?.Items.FirstOrDefault(static a => a.Name.Value == "fields")?.Value;
        if (fields is not GraphQLListValue list)
        {
            _errors.Add($"{file}: @hide on '{type.Name}' needs fields: [\"name\", …].");
            return;
        }

        foreach (var value in list.Values ?? [])
        {
            var fieldName = value is GraphQLStringValue s ? s.Value.ToString() : "";
            if (type.FindField(fieldName) is { } field)
            {
                field.Hidden = true;
            }
            else
            {
                _errors.Add($"{file}: @hide names '{type.Name}.{fieldName}', which does not exist.");
            }
        }
    }

    private void CheckTypeReferences()
    {
        foreach (var type in _types.Values)
        {
            foreach (var field in type.Fields)
            {
                CheckReference(field.Type, $"{type.Name}.{field.Name}", field.File ?? type.File, output: true);
                foreach (var argument in field.Arguments)
                {
                    CheckReference(argument.Type, $"argument '{argument.Name}' of {type.Name}.{field.Name}", field.File ?? type.File, output: false);
                }
            }

            foreach (var input in type.InputFields)
            {
                CheckReference(input.Type, $"{type.Name}.{input.Name}", type.File, output: false);
            }

            foreach (var member in type.PossibleTypes.Concat(type.Interfaces))
            {
                if (!_types.ContainsKey(member))
                {
                    _errors.Add($"{type.File}: '{type.Name}' names type '{member}', which no source or extension defines.");
                }
            }
        }

        foreach (var type in _types.Values)
        {
            if (type.Kind == TypeKind.Object)
            {
                foreach (var name in type.Interfaces)
                {
                    if (_types.TryGetValue(name, out var iface) && !iface.PossibleTypes.Contains(type.Name))
                    {
                        iface.PossibleTypes.Add(type.Name);
                    }
                }
            }
        }
    }

    private void CheckReference(TypeRef reference, string where, string? file, bool output)
    {
        if (!_types.TryGetValue(reference.NamedType, out var target))
        {
            _errors.Add($"{file}: {where} has type '{reference.NamedType}', which no source or extension defines.");
            return;
        }

        if (output && target.Kind == TypeKind.InputObject)
        {
            _errors.Add($"{file}: {where} returns input type '{target.Name}'.");
        }
        else if (!output && target.IsComposite)
        {
            _errors.Add($"{file}: {where} takes output type '{target.Name}'.");
        }
    }
}
