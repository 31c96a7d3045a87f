using System.Text;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace GraphBff.Composition;

/// <summary>
/// Merges the sources' SDL and the gateway's extension files into one <see cref="CompositeSchema"/>.
/// Every problem found is collected, and start-up fails with all of them, each naming its file, type or field.
/// </summary>
internal sealed partial class SchemaComposer
{
    private static readonly HashSet<string> s_builtInScalars = ["String", "Int", "Float", "Boolean", "ID"];
    private static readonly HashSet<string> s_rootTypes = ["Query", "Mutation", "Subscription"];

    private readonly Dictionary<string, CompositeType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceKind> _sources = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];

    public static CompositeSchema Compose(IReadOnlyList<SourceSchema> sources, IReadOnlyList<SchemaFile> extensions)
    {
        var composer = new SchemaComposer();
        return composer.Run(sources, extensions);
    }

    private CompositeSchema Run(IReadOnlyList<SourceSchema> sources, IReadOnlyList<SchemaFile> extensions)
    {
        foreach (var scalar in s_builtInScalars)
        {
            _types[scalar] = new CompositeType(scalar, TypeKind.Scalar) { Signature = "scalar " + scalar };
        }

        foreach (var source in sources)
        {
            if (!_sources.TryAdd(source.Name, source.Kind))
            {
                _errors.Add($"Source '{source.Name}' is configured twice.");
            }
        }

        foreach (var source in sources)
        {
            if (Parse(source.File, source.Sdl) is { } document)
            {
                AddSource(source, document);
            }
        }

        var parsedExtensions = new List<(SchemaFile File, GraphQLDocument Document)>();
        foreach (var file in extensions)
        {
            if (Parse(file.Path, file.Text) is { } document)
            {
                parsedExtensions.Add((file, document));
            }
        }

        // New types first, so that extensions may refer to each other's types in any order.
        foreach (var (file, document) in parsedExtensions)
        {
            AddExtensionTypes(file.Path, document);
        }

        foreach (var (file, document) in parsedExtensions)
        {
            ApplyExtensions(file.Path, document);
        }

        CheckTypeReferences();
        BindResolvers();
        BindAuthorization();

        if (!_types.ContainsKey("Query"))
        {
            _errors.Add("No source defines a Query type.");
        }

        if (_errors.Count > 0)
        {
            throw new GraphBffConfigurationException(
                "The gateway schema cannot be composed:" + Environment.NewLine + "  " +
                string.Join(Environment.NewLine + "  ", _errors));
        }

        return new CompositeSchema(_types, _sources, SchemaPrinter.Print(_types));
    }

    private GraphQLDocument? Parse(string file, string text)
    {
        try
        {
            return Parser.Parse(text, new ParserOptions { Ignore = IgnoreOptions.Comments });
        }
        catch (GraphQLSyntaxErrorException ex)
        {
            _errors.Add($"{file}:{ex.Location.Line}:{ex.Location.Column}: {ex.Description}.");
            return null;
        }
    }

    private void AddSource(SourceSchema source, GraphQLDocument document)
    {
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLDirectiveDefinition or GraphQLSchemaDefinition:
                    // Gateway directives are known; a source's own directives are not part of the public graph.
                    break;
                case GraphQLObjectTypeExtension extension:
                    AddSourceType(source, new GraphQLObjectTypeDefinition(extension.Name)
                    {
                        Fields = extension.Fields,
                        Interfaces = extension.Interfaces,
                        Directives = extension.Directives,
                    });
                    break;
                case GraphQLTypeExtension:
                    _errors.Add($"{source.File}: only object types may be extended in a source schema.");
                    break;
                case GraphQLTypeDefinition typeDefinition:
                    AddSourceType(source, typeDefinition);
                    break;
                default:
                    _errors.Add($"{source.File}: {definition.Kind} is not supported in a source schema.");
                    break;
            }
        }
    }

    private void AddSourceType(SourceSchema source, GraphQLTypeDefinition definition)
    {
        var type = BuildType(definition, source.Name, source.File);
        if (type is null)
        {
            return;
        }

        if (s_rootTypes.Contains(type.Name))
        {
            MergeRootType(source, type);
            return;
        }

        if (_types.TryGetValue(type.Name, out var existing))
        {
            if (s_builtInScalars.Contains(type.Name))
            {
                return;
            }

            if (existing.Signature != type.Signature)
            {
                _errors.Add(
                    $"Type '{type.Name}' is defined differently by {existing.File} and {type.File}: " +
                    DescribeDifference(existing, type) + ".");
            }

            return;
        }

        if (source.Kind == SourceKind.Rest)
        {
            foreach (var field in type.Fields)
            {
                field.Resolver = HttpFromDirective(field, type, source.Name, source.File);
            }
        }

        _types[type.Name] = type;
    }

    private void MergeRootType(SourceSchema source, CompositeType type)
    {
        if (!_types.TryGetValue(type.Name, out var root))
        {
            root = new CompositeType(type.Name, TypeKind.Object) { File = source.File };
            _types[type.Name] = root;
        }

        foreach (var field in type.Fields)
        {
            if (root.FindField(field.Name) is { } other)
            {
                _errors.Add(
                    $"{type.Name}.{field.Name} is defined by both {other.File} and {source.File}; " +
                    "hide one of them in an extension or rename it upstream.");
                continue;
            }

            field.Resolver = source.Kind == SourceKind.GraphQL
                ? new GraphQLRootResolver(source.Name, field.Name)
                : HttpFromDirective(field, type, source.Name, source.File) ?? MissingHttp(field, type, source.File);
            root.AddField(field);
        }
    }

    private HttpResolver? MissingHttp(CompositeField field, CompositeType type, string file)
    {
        _errors.Add($"{file}: {type.Name}.{field.Name} is a root field of a REST source and has no @http directive.");
        return null;
    }

    private HttpResolver? HttpFromDirective(CompositeField field, CompositeType type, string source, string file)
    {
        var http = field.Directives.FirstOrDefault(static d => d.Name.Value == "http");
        if (http is null)
        {
            return null;
        }

        try
        {
            var method = "GET";
            Template? path = null;
            Template? body = null;
            var query = new List<KeyValuePair<string, Template>>();
            foreach (var argument in http.Arguments?.Items ?? [])
            {
                switch (argument.Name.StringValue)
                {
                    case "method":
                        method = argument.Value is GraphQLEnumValue e ? e.Name.StringValue : ValueText(argument.Value);
                        break;
                    case "path":
                        path = Template.ParseHoles(ValueText(argument.Value));
                        break;
                    case "body":
                        body = Template.ParseHoles(ValueText(argument.Value));
                        break;
                    case "query":
                        var items = argument.Value is GraphQLListValue list ? list.Values ?? [] : [argument.Value];
                        foreach (var item in items)
                        {
                            var entry = ValueText(item);
                            var equals = entry.IndexOf('=');
                            if (equals <= 0)
                            {
                                throw new FormatException($"query entry '{entry}' is not of the form name={{$arguments:x}}");
                            }

                            query.Add(new(entry[..equals], Template.ParseHoles(entry[(equals + 1)..])));
                        }

                        break;
                    default:
                        throw new FormatException($"@http has no argument '{argument.Name.StringValue}'");
                }
            }

            if (path is null)
            {
                throw new FormatException("@http needs a path");
            }

            if (method is not ("GET" or "POST" or "PUT" or "PATCH" or "DELETE"))
            {
                throw new FormatException($"@http method '{method}' is not one of GET, POST, PUT, PATCH, DELETE");
            }

            return new HttpResolver(source, method, path, query, body);
        }
        catch (FormatException ex)
        {
            _errors.Add($"{file}: {type.Name}.{field.Name}: {ex.Message}.");
            return null;
        }
    }

    private static string ValueText(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => s.Value.ToString(),
        GraphQLEnumValue e => e.Name.StringValue,
        _ => throw new FormatException($"expected a string, found {value.Kind}"),
    };

    private static string DescribeDifference(CompositeType a, CompositeType b)
    {
        if (a.Kind != b.Kind)
        {
            return $"one is {a.Kind}, the other {b.Kind}";
        }

        foreach (var field in a.Fields)
        {
            var other = b.FindField(field.Name);
            if (other is null)
            {
                return $"field '{field.Name}' is missing from {b.File}";
            }

            if (!other.Type.Equals(field.Type))
            {
                return $"field '{field.Name}' is {field.Type} in one and {other.Type} in the other";
            }
        }

        foreach (var field in b.Fields)
        {
            if (a.FindField(field.Name) is null)
            {
                return $"field '{field.Name}' is missing from {a.File}";
            }
        }

        if (!a.EnumValues.SequenceEqual(b.EnumValues))
        {
            return "their enum values differ";
        }

        return "their arguments, input fields or members differ";
    }
}
