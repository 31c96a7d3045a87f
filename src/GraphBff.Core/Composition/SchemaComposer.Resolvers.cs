using GraphQLParser.AST;

namespace GraphBff.Composition;

internal sealed partial class SchemaComposer
{
    private void BindResolvers()
    {
        foreach (var type in _types.Values)
        {
            if (type.Kind != TypeKind.Object)
            {
                continue;
            }

            foreach (var field in type.Fields)
            {
                var where = $"{field.File ?? type.File}: {type.Name}.{field.Name}";
                var delegation = field.Directives.LastOrDefault(static d => d.Name.Value == "delegate");
                if (delegation is not null)
                {
                    field.Resolver = BindDelegate(where, type, field, delegation);
                }
                else if (field.Resolver is HttpResolver http)
                {
                    CheckTemplates(where, type, field, http.Templates);
                }
                else if (field.Resolver is null && field.Source is null && type.Source is not null)
                {
                    _errors.Add($"{where} is added to a type of source '{type.Source}' but has no @delegate to say where it comes from.");
                }
            }
        }
    }

    private FieldResolver? BindDelegate(string where, CompositeType type, CompositeField field, GraphQLDirective directive)
    {
        string? sourceName = null;
        string? path = null;
        foreach (var argument in directive.Arguments?.Items ?? [])
        {
            if (argument.Value is GraphQLStringValue value)
            {
                switch (argument.Name.StringValue)
                {
                    case "source":
                        sourceName = value.Value.ToString();
                        break;
                    case "path":
                        path = value.Value.ToString();
                        break;
                }
            }
        }

        if (sourceName is null || path is null)
        {
            _errors.Add($"{where}: @delegate needs source: \"…\" and path: \"…\".");
            return null;
        }

        if (!_sources.ContainsKey(sourceName))
        {
            _errors.Add($"{where}: @delegate names source '{sourceName}', which is not configured (known: {string.Join(", ", _sources.Keys)}).");
            return null;
        }

        string targetName;
        List<KeyValuePair<string, Template>> arguments;
        try
        {
            (targetName, arguments) = ParseDelegatePath(path);
        }
        catch (FormatException ex)
        {
            _errors.Add($"{where}: @delegate path '{path}': {ex.Message}.");
            return null;
        }

        var target = _types.GetValueOrDefault("Query")?.FindField(targetName);
        if (target?.Resolver is null || target.Resolver.Source != sourceName)
        {
            _errors.Add($"{where}: @delegate path '{path}' names Query.{targetName}, which source '{sourceName}' does not have.");
            return null;
        }

        foreach (var argument in arguments)
        {
            if (target.FindArgument(argument.Key) is null)
            {
                _errors.Add($"{where}: @delegate path '{path}' passes '{argument.Key}', which Query.{targetName} does not take.");
            }
        }

        foreach (var parameter in target.Arguments)
        {
            if (parameter.Type.NonNull && parameter.DefaultValue is null && arguments.All(a => a.Key != parameter.Name))
            {
                _errors.Add($"{where}: @delegate path '{path}' does not pass Query.{targetName}'s required argument '{parameter.Name}'.");
            }
        }

        CheckTemplates(where, type, field, arguments.Select(static a => a.Value));

        return target.Resolver switch
        {
            GraphQLRootResolver root => new GraphQLDelegateResolver(sourceName, root.UpstreamField, arguments),
            HttpResolver http => Substitute(http, target, arguments),
            _ => null,
        };
    }

    /// <summary>A delegation to a REST field becomes that field's request, its argument holes filled from the delegation.</summary>
    private static HttpResolver Substitute(HttpResolver http, CompositeField target, List<KeyValuePair<string, Template>> arguments)
    {
        Template Fill(Template template)
        {
            var parts = new List<TemplatePart>();
            foreach (var part in template.Parts)
            {
                if (part.IsLiteral || part.Kind != TemplateVariableKind.Arguments)
                {
                    parts.Add(part);
                    continue;
                }

                var given = arguments.FirstOrDefault(a => a.Key == part.Name).Value;
                if (given is not null)
                {
                    parts.AddRange(given.Parts.Select(static p => p.IsLiteral ? TemplatePart.Text(Unquote(p.Literal!)) : p));
                }
                else if (target.FindArgument(part.Name!)?.DefaultValue is { } defaultValue)
                {
                    parts.Add(TemplatePart.Text(Unquote(defaultValue)));
                }
            }

            return new Template(parts);
        }

        return new HttpResolver(
            http.Source,
            http.Method,
            Fill(http.Path),
            http.Query.Select(q => new KeyValuePair<string, Template>(q.Key, Fill(q.Value))).ToList(),
            http.Body is null ? null : Fill(http.Body));
    }

    private static string Unquote(string literal) =>
        literal.Length >= 2 && literal[0] == '"' && literal[^1] == '"' ? literal[1..^1] : literal;

    private void CheckTemplates(string where, CompositeType type, CompositeField field, IEnumerable<Template> templates)
    {
        foreach (var template in templates)
        {
            foreach (var part in template.Variables)
            {
                switch (part.Kind)
                {
                    case TemplateVariableKind.Arguments when field.FindArgument(part.Name!) is null:
                        _errors.Add($"{where}: '{template}' names argument '{part.Name}', which {type.Name}.{field.Name} does not have.");
                        break;
                    case TemplateVariableKind.Fields when type.FindField(part.Name!) is null:
                        _errors.Add($"{where}: '{template}' names field '{part.Name}', which {type.Name} does not have.");
                        break;
                    case TemplateVariableKind.Fields when type.FindField(part.Name!) is { Resolver: not null }:
                        _errors.Add($"{where}: '{template}' names field '{part.Name}', which is itself fetched; keys must be plain fields.");
                        break;
                }
            }
        }
    }

    private static (string Field, List<KeyValuePair<string, Template>> Arguments) ParseDelegatePath(string path)
    {
        var open = path.IndexOf('(');
        var name = (open < 0 ? path : path[..open]).Trim();
        if (name.Length == 0 || name.Contains('.') || name.Contains(' '))
        {
            throw new FormatException("expected a root field name such as user(id: $fields:authorId)");
        }

        var arguments = new List<KeyValuePair<string, Template>>();
        if (open < 0)
        {
            return (name, arguments);
        }

        var close = path.LastIndexOf(')');
        if (close < open)
        {
            throw new FormatException("'(' is never closed");
        }

        var inner = path.Substring(open + 1, close - open - 1);
        var start = 0;
        var inString = false;
        for (var i = 0; i <= inner.Length; i++)
        {
            if (i < inner.Length && inner[i] == '"' && (i == 0 || inner[i - 1] != '\\'))
            {
                inString = !inString;
            }

            if (i == inner.Length || (!inString && inner[i] == ','))
            {
                var item = inner[start..i].Trim();
                start = i + 1;
                if (item.Length == 0)
                {
                    continue;
                }

                var colon = item.IndexOf(':');
                if (colon <= 0)
                {
                    throw new FormatException($"argument '{item}' is not of the form name: value");
                }

                arguments.Add(new(item[..colon].Trim(), Template.ParseValue(item[(colon + 1)..])));
            }
        }

        return (name, arguments);
    }
}
