using System.Text;
using GraphBff.Composition;
using GraphQLParser.AST;

namespace GraphBff.Planning;

/// <summary>One level of the selection sent to a GraphQL source; levels share one text buffer, written in order.</summary>
internal sealed class UpstreamSelection
{
    private readonly StringBuilder _text;
    private readonly HashSet<string> _variables;
    private HashSet<string>? _keys;

    public UpstreamSelection()
        : this(new StringBuilder(), new HashSet<string>(StringComparer.Ordinal))
    {
    }

    private UpstreamSelection(StringBuilder text, HashSet<string> variables)
    {
        _text = text;
        _variables = variables;
    }

    public string Text => _text.ToString();

    public IReadOnlyCollection<string> Variables => _variables;

    public void Open() => _text.Append(" {");

    public void Close() => _text.Append(" }");

    public UpstreamSelection AppendField(string key, string name, GraphQLArguments? arguments)
    {
        _text.Append(' ');
        if (key != name)
        {
            _text.Append(key).Append(": ");
        }

        _text.Append(name);
        if (arguments is { Items.Count: > 0 })
        {
            _text.Append('(');
            for (var i = 0; i < arguments.Items.Count; i++)
            {
                if (i > 0)
                {
                    _text.Append(", ");
                }

                var argument = arguments.Items[i];
                _text.Append(argument.Name.StringValue).Append(": ").Append(SchemaComposer.Print(argument.Value));
                CollectVariables(argument.Value);
            }

            _text.Append(')');
        }

        return new UpstreamSelection(_text, _variables);
    }

    /// <summary>Adds a join key (<c>_k_authorId: authorId</c>) once per level.</summary>
    public void AppendKey(string alias, string field)
    {
        if ((_keys ??= new HashSet<string>(StringComparer.Ordinal)).Add(alias))
        {
            _text.Append(' ').Append(alias).Append(": ").Append(field);
        }
    }

    private void CollectVariables(GraphQLValue value)
    {
        switch (value)
        {
            case GraphQLVariable variable:
                _variables.Add(variable.Name.StringValue);
                break;
            case GraphQLListValue list:
                foreach (var item in list.Values ?? [])
                {
                    CollectVariables(item);
                }

                break;
            case GraphQLObjectValue obj:
                foreach (var field in obj.Fields ?? [])
                {
                    CollectVariables(field.Value);
                }

                break;
        }
    }
}
