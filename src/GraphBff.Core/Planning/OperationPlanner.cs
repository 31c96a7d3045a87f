using System.Text;
using System.Text.Json;
using GraphBff.Authorization;
using GraphBff.Composition;
using GraphBff.Execution;
using GraphQLParser.AST;

namespace GraphBff.Planning;

/// <summary>
/// Compiles an operation into an <see cref="OperationPlan"/>: which fetch produces each field, what each upstream is
/// sent, and in which waves. @skip/@include are decided here from the variables, so a plan is cached per outcome.
/// </summary>
internal sealed partial class OperationPlanner
{
    private const string KeyAliasPrefix = "_k_";

    private readonly CompositeSchema _schema;
    private readonly GraphQLOperationDefinition _operation;
    private readonly JsonElement _variables;
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);
    private readonly List<FetchNode> _rootFetches = [];
    private readonly Dictionary<string, (GraphQLRootFetch Fetch, UpstreamSelection Selection)> _rootGraphQL = new(StringComparer.Ordinal);
    private readonly GraphQLDocument _document;
    private IntrospectionFetch? _introspection;
    private List<ASTNode>? _introspectionFields;
    private int _nextId;

    // Under an interface or union, the property that names each parent's type (for the fetches planned at that level).
    private byte[]? _levelTypename;
    private byte[]? _parentTypename;

    private readonly AuthorizationDecisions _decisions;

    private OperationPlanner(
        CompositeSchema schema, GraphQLDocument document, GraphQLOperationDefinition operation, JsonElement variables, AuthorizationDecisions decisions)
    {
        _decisions = decisions;
        _schema = schema;
        _document = document;
        _operation = operation;
        _variables = variables;
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLFragmentDefinition fragment)
            {
                _fragments[fragment.FragmentName.Name.StringValue] = fragment;
            }
        }
    }

    public static OperationPlan Plan(
        CompositeSchema schema, GraphQLDocument document, GraphQLOperationDefinition operation, JsonElement variables, AuthorizationDecisions decisions)
    {
        var planner = new OperationPlanner(schema, document, operation, variables, decisions);
        return planner.PlanOperation();
    }

    private OperationPlan PlanOperation()
    {
        var rootType = _operation.Operation switch
        {
            OperationType.Mutation => _schema.Mutation,
            OperationType.Subscription => _schema.Subscription,
            _ => _schema.Query,
        } ?? throw new InvalidOperationException($"The schema has no {_operation.Operation} type.");

        var root = PlanSelectionSet(rootType, [_operation.SelectionSet], Origin.Root, null, []);
        var keyword = _operation.Operation.ToString().ToLowerInvariant();
        foreach (var (fetch, selection) in _rootGraphQL.Values)
        {
            selection.Close();
            var text = new StringBuilder(keyword);
            AppendVariableDefinitions(text, selection.Variables);
            text.Append(selection.Text);
            fetch.Document = text.ToString();
            fetch.Variables = [.. selection.Variables];
        }

        if (_introspection is not null)
        {
            var operation = new GraphQLOperationDefinition(new GraphQLSelectionSet(_introspectionFields!))
            {
                Operation = OperationType.Query,
                Variables = _operation.Variables,
            };
            _introspection.Document.Definitions.Add(operation);
            _introspection.Document.Definitions.AddRange(_fragments.Values);
        }

        return new OperationPlan(_operation.Operation, _operation, root, [.. _rootFetches], _nextId);
    }

    private void AppendVariableDefinitions(StringBuilder text, IReadOnlyCollection<string> used)
    {
        if (used.Count == 0)
        {
            return;
        }

        text.Append('(');
        var first = true;
        foreach (var definition in _operation.Variables?.Items ?? [])
        {
            if (!used.Contains(definition.Variable.Name.StringValue))
            {
                continue;
            }

            if (!first)
            {
                text.Append(", ");
            }

            first = false;
            text.Append(SchemaComposer.Print(definition));
        }

        text.Append(')');
    }

    private PlanSelectionSet PlanSelectionSet(
        CompositeType type,
        IReadOnlyList<GraphQLSelectionSet> sets,
        Origin origin,
        UpstreamSelection? upstream,
        List<byte[]> path)
    {
        if (type.Kind is TypeKind.Interface or TypeKind.Union)
        {
            return PlanAbstractSelectionSet(type, sets, origin, upstream, path);
        }

        var collected = CollectFields(type, sets);
        upstream?.Reserve(collected.Select(static c => c.Key));
        var levelTypename = _levelTypename;
        _levelTypename = null;
        var fields = new PlanField[collected.Count];
        var i = 0;
        foreach (var (key, nodes) in collected)
        {
            _parentTypename = levelTypename;
            fields[i++] = PlanField(type, key, nodes, origin, upstream, path);
        }

        return new PlanSelectionSet(type.Name, fields);
    }

    /// <summary>An interface or union: one selection per possible type; GraphQL sources are asked for __typename and fragments.</summary>
    private PlanSelectionSet PlanAbstractSelectionSet(
        CompositeType type,
        IReadOnlyList<GraphQLSelectionSet> sets,
        Origin origin,
        UpstreamSelection? upstream,
        List<byte[]> path)
    {
        // The client may alias anything to "__typename": the type is asked for under a key alias of our own.
        var responseKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in type.PossibleTypes)
        {
            foreach (var (key, _) in CollectFields(_schema.GetType(name), sets))
            {
                responseKeys.Add(key);
            }
        }

        upstream?.Reserve(responseKeys);
        var typenameProperty = upstream?.AppendKey(KeyAliasPrefix + "typename", "__typename") ?? "__typename";
        var byType = new Dictionary<string, PlanSelectionSet>(StringComparer.Ordinal);
        foreach (var name in type.PossibleTypes)
        {
            var concrete = _schema.GetType(name);
            var fragment = upstream?.AppendInlineFragment(name);
            fragment?.Open();
            _levelTypename = Utf8(typenameProperty);
            byType[name] = PlanSelectionSet(concrete, sets, origin, fragment, path);
            fragment?.Close();
        }

        return new PlanSelectionSet(type.Name, []) { ByType = byType, TypenameProperty = Utf8(typenameProperty) };
    }

    private PlanField PlanField(
        CompositeType parentType,
        string key,
        List<GraphQLField> nodes,
        Origin origin,
        UpstreamSelection? upstream,
        List<byte[]> path)
    {
        var node = nodes[0];
        var name = node.Name.StringValue;
        var (lineNumber, column) = Position(node.Location.Start);
        if (name == "__typename")
        {
            return new PlanField(key, parentType.Name, name, TypeRef.Named("String", true), PlanFieldKind.Typename)
            {
                Line = lineNumber,
                Column = column,
            };
        }

        if (origin.Kind == OriginKind.Root && name is "__schema" or "__type")
        {
            _introspection ??= AddRoot(new IntrospectionFetch(_nextId++, new GraphQLDocument([])));
            (_introspectionFields ??= []).AddRange(nodes);
            var introspectionType = name == "__schema" ? TypeRef.Named("__Schema", true) : TypeRef.Named("__Type");
            return new PlanField(key, parentType.Name, name, introspectionType, PlanFieldKind.Fetch)
            {
                Fetch = _introspection,
                Property = Encoding.UTF8.GetBytes(key),
                Leaf = LeafKind.Custom,
                Line = lineNumber,
                Column = column,
            };
        }

        var definition = parentType.FindField(name)
            ?? throw new InvalidOperationException($"{parentType.Name}.{name} is not in the composed graph.");
        var fieldType = _schema.GetType(definition.Type.NamedType);
        if (definition.Authorization is { } authorization && Denied(authorization) is { } deniedCode)
        {
            // Never fetched: no upstream selection, no fetch node, nothing below it.
            return new PlanField(key, parentType.Name, name, definition.Type, PlanFieldKind.Denied)
            {
                Definition = definition,
                DeniedCode = deniedCode,
                Line = lineNumber,
                Column = column,
            };
        }

        var subSets = fieldType.IsComposite ? SubSelections(nodes) : null;
        var planned = PlanAllowedField(parentType, key, nodes, origin, upstream, path, definition, fieldType, subSets);
        if (definition.Authorization is { } after && after.Has(ApplyPolicy.AfterResolver))
        {
            BindAfterRules(planned, after, origin, upstream);
        }

        return planned;
    }

    private string? Denied(FieldAuthorization authorization)
    {
        foreach (var rule in authorization.Rules)
        {
            if (rule.Apply == ApplyPolicy.BeforeResolver && !_decisions.IsAllowed(rule))
            {
                return _decisions.Authenticated ? ErrorCodes.NotAuthorized : ErrorCodes.NotAuthenticated;
            }
        }

        return null;
    }

    /// <summary>AFTER_RESOLVER rules read parent fields: make sure they are fetched, as keys are.</summary>
    private void BindAfterRules(PlanField field, FieldAuthorization authorization, Origin origin, UpstreamSelection? upstream)
    {
        var rules = authorization.Rules.Where(static r => r.Apply == ApplyPolicy.AfterResolver).ToArray();
        var properties = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            foreach (var name in _decisions.Authorizer.ResourceFields(rule))
            {
                if (properties.ContainsKey(name))
                {
                    continue;
                }

                properties[name] = origin.Kind == OriginKind.GraphQL && upstream is not null
                    ? Utf8(upstream.AppendKey(KeyAliasPrefix + name, name))
                    : Utf8(name);
            }
        }

        field.AfterRules = rules;
        field.ResourceProperties = properties;
    }

    private PlanField PlanAllowedField(
        CompositeType parentType,
        string key,
        List<GraphQLField> nodes,
        Origin origin,
        UpstreamSelection? upstream,
        List<byte[]> path,
        CompositeField definition,
        CompositeType fieldType,
        List<GraphQLSelectionSet>? subSets)
    {
        var node = nodes[0];
        var name = node.Name.StringValue;

        switch (definition.Resolver)
        {
            case GraphQLRootResolver when origin.Kind == OriginKind.Root:
                {
                    var (fetch, rootSelection) = RootGraphQL(definition.Resolver.Source);
                    var child = rootSelection.AppendField(key, name, node.Arguments);
                    PlanSelectionSet? selection = null;
                    if (subSets is not null)
                    {
                        child.Open();
                        selection = PlanSelectionSet(fieldType, subSets, Origin.From(fetch, SourceKind.GraphQL), child, [Utf8(key)]);
                        child.Close();
                    }

                    return Field(key, parentType, definition, fieldType, PlanFieldKind.Fetch, node, fetch, Utf8(key), selection);
                }

            case HttpResolver or GraphQLDelegateResolver:
                {
                    var fetch = new FieldFetch(_nextId++, definition.Resolver, origin.Fetch, [.. path])
                    {
                        FieldLabel = $"{parentType.Name}.{name}",
                        ParentType = parentType.Name,
                        ParentTypenameProperty = _parentTypename,
                    };
                    if (origin.Fetch is null)
                    {
                        AddRoot(fetch);
                    }
                    else
                    {
                        origin.Fetch.Children.Add(fetch);
                    }

                    BindKeys(fetch, definition.Resolver, definition, node, origin, upstream);
                    PlanSelectionSet? selection = null;
                    if (subSets is not null)
                    {
                        if (definition.Resolver is GraphQLDelegateResolver)
                        {
                            var delegated = new UpstreamSelection();
                            delegated.Open();
                            selection = PlanSelectionSet(fieldType, subSets, Origin.From(fetch, SourceKind.GraphQL), delegated, []);
                            delegated.Close();
                            fetch.Selection = delegated.Text;
                            fetch.Variables = [.. delegated.Variables];
                            var prefix = new StringBuilder("query");
                            AppendVariableDefinitions(prefix, delegated.Variables);
                            fetch.DocumentPrefix = prefix.ToString();
                        }
                        else
                        {
                            selection = PlanSelectionSet(fieldType, subSets, Origin.From(fetch, SourceKind.Rest), null, []);
                        }
                    }

                    return Field(key, parentType, definition, fieldType, PlanFieldKind.Fetch, node, fetch, null, selection);
                }

            default:
                {
                    if (origin.Kind == OriginKind.Root)
                    {
                        throw new InvalidOperationException($"{parentType.Name}.{name} has no source.");
                    }

                    PlanSelectionSet? selection = null;
                    byte[] property;
                    if (origin.Kind == OriginKind.GraphQL)
                    {
                        var child = upstream!.AppendField(key, name, node.Arguments);
                        property = Utf8(key);
                        if (subSets is not null)
                        {
                            child.Open();
                            selection = PlanSelectionSet(fieldType, subSets, origin, child, [.. path, property]);
                            child.Close();
                        }
                    }
                    else
                    {
                        property = Utf8(name);
                        if (subSets is not null)
                        {
                            selection = PlanSelectionSet(fieldType, subSets, origin, null, [.. path, property]);
                        }
                    }

                    return Field(key, parentType, definition, fieldType, PlanFieldKind.Property, node, null, property, selection);
                }
        }
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private (int Line, int Column) Position(int offset)
    {
        // Locations are offsets into the source; line and column are counted once, when the plan is built.
        var source = _sourceText.Span;
        var line = 1;
        var column = 1;
        for (var i = 0; i < offset && i < source.Length; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }

    private ReadOnlyMemory<char> _sourceText => _document.Source;

    private void BindKeys(FieldFetch fetch, FieldResolver resolver, CompositeField definition, GraphQLField node, Origin origin, UpstreamSelection? upstream)
    {
        IEnumerable<Template> templates = resolver switch
        {
            HttpResolver http => http.Templates,
            GraphQLDelegateResolver d => d.Arguments.Select(static a => a.Value),
            _ => [],
        };
        foreach (var template in templates)
        {
            foreach (var part in template.Variables)
            {
                switch (part.Kind)
                {
                    case TemplateVariableKind.Fields when !fetch.KeyProperties.ContainsKey(part.Name!):
                        if (origin.Kind == OriginKind.GraphQL)
                        {
                            var alias = upstream!.AppendKey(KeyAliasPrefix + part.Name, part.Name!);
                            fetch.KeyProperties[part.Name!] = Utf8(alias);
                        }
                        else
                        {
                            fetch.KeyProperties[part.Name!] = Utf8(part.Name!);
                        }

                        break;
                    case TemplateVariableKind.Arguments when !fetch.Arguments.ContainsKey(part.Name!):
                        fetch.Arguments[part.Name!] = ArgumentOf(node, part.Name!, definition);
                        break;
                }
            }
        }
    }

    private ArgumentValue ArgumentOf(GraphQLField node, string name, CompositeField definition)
    {
        var defaultLiteral = definition.FindArgument(name)?.DefaultValue;
        foreach (var argument in node.Arguments?.Items ?? [])
        {
            if (argument.Name.StringValue == name)
            {
                if (argument.Value is not GraphQLVariable variable)
                {
                    return new ArgumentValue(argument.Value, null, null);
                }

                // An absent variable takes its own default first, then the argument's.
                var variableName = variable.Name.StringValue;
                var variableDefault = _operation.Variables?.Items
                    .FirstOrDefault(d => d.Variable.Name.StringValue == variableName)?.DefaultValue;
                return new ArgumentValue(null, variableName, variableDefault is null ? defaultLiteral : SchemaComposer.Print(variableDefault));
            }
        }

        return new ArgumentValue(null, null, defaultLiteral);
    }

    private PlanField Field(
        string key,
        CompositeType parentType,
        CompositeField definition,
        CompositeType fieldType,
        PlanFieldKind kind,
        GraphQLField node,
        FetchNode? fetch,
        byte[]? property,
        PlanSelectionSet? selection)
    {
        var (line, column) = Position(node.Location.Start);
        return new PlanField(key, parentType.Name, definition.Name, definition.Type, kind)
        {
            Fetch = fetch,
            Property = property,
            Selection = selection,
            Definition = definition,
            Leaf = LeafOf(fieldType),
            EnumValues = fieldType.Kind == TypeKind.Enum ? [.. fieldType.EnumValues] : null,
            Line = line,
            Column = column,
        };
    }

    private static LeafKind LeafOf(CompositeType type) => type.Kind switch
    {
        TypeKind.Enum => LeafKind.Enum,
        TypeKind.Scalar => type.Name switch
        {
            "String" => LeafKind.String,
            "Int" => LeafKind.Int,
            "Float" => LeafKind.Float,
            "Boolean" => LeafKind.Boolean,
            "ID" => LeafKind.Id,
            _ => LeafKind.Custom,
        },
        _ => LeafKind.None,
    };

    private T AddRoot<T>(T fetch)
        where T : FetchNode
    {
        _rootFetches.Add(fetch);
        return fetch;
    }

    private (GraphQLRootFetch Fetch, UpstreamSelection Selection) RootGraphQL(string source)
    {
        if (!_rootGraphQL.TryGetValue(source, out var entry))
        {
            var selection = new UpstreamSelection();
            selection.Open();
            entry = (AddRoot(new GraphQLRootFetch(_nextId++, source)), selection);
            _rootGraphQL[source] = entry;
        }

        return entry;
    }
}
