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
    private HashSet<string>? _reserved;
    private int _fields;

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

    /// <summary>Closes the level; a level left empty (only __typename, or all fields skipped) asks for __typename.</summary>
    public void Close()
    {
        if (_fields == 0)
        {
            _text.Append(" __typename");
        }

        _text.Append(" }");
    }

    /// <summary>The client's response keys at this level: injected key aliases must not take them.</summary>
    public void Reserve(IEnumerable<string> responseKeys) => _reserved = [.. responseKeys];

    public UpstreamSelection AppendField(string key, string name, GraphQLArguments? arguments)
    {
        _fields++;
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

    /// <summary>Starts <c>... on Type</c>; open and close the returned level around its fields.</summary>
    public UpstreamSelection AppendInlineFragment(string typeName)
    {
        _fields++;
        _text.Append(" ... on ").Append(typeName);
        return new UpstreamSelection(_text, _variables);
    }

    /// <summary>Adds a join key (<c>_k_authorId: authorId</c>) once per level; returns the alias it is read by.</summary>
    public string AppendKey(string alias, string field)
    {
        var candidate = alias;
        for (var i = 1; _reserved?.Contains(candidate) == true; i++)
        {
            candidate = alias + "_" + i;
        }

        if ((_keys ??= new HashSet<string>(StringComparer.Ordinal)).Add(candidate))
        {
            _fields++;
            _text.Append(' ').Append(candidate).Append(": ").Append(field);
        }

        return candidate;
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
