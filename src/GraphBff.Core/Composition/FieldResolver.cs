namespace GraphBff.Composition;

/// <summary>How a field's value is fetched from a source.</summary>
internal abstract class FieldResolver
{
    protected FieldResolver(string source)
    {
        Source = source;
    }

    public string Source { get; }
}

/// <summary>A root field that a GraphQL source declares; it is sent upstream as written by the client.</summary>
internal sealed class GraphQLRootResolver(string source, string upstreamField) : FieldResolver(source)
{
    public string UpstreamField { get; } = upstreamField;
}

/// <summary>A GraphQL source's root field called with arguments from templates (<c>@delegate</c>).</summary>
internal sealed class GraphQLDelegateResolver(string source, string upstreamField, IReadOnlyList<KeyValuePair<string, Template>> arguments)
    : FieldResolver(source)
{
    public string UpstreamField { get; } = upstreamField;

    public IReadOnlyList<KeyValuePair<string, Template>> Arguments { get; } = arguments;
}

/// <summary>A REST request built from templates (<c>@http</c>, or <c>@delegate</c> to a REST field).</summary>
internal sealed class HttpResolver(
    string source,
    string method,
    Template path,
    IReadOnlyList<KeyValuePair<string, Template>> query,
    Template? body) : FieldResolver(source)
{
    public string Method { get; } = method;

    public Template Path { get; } = path;

    public IReadOnlyList<KeyValuePair<string, Template>> Query { get; } = query;

    public Template? Body { get; } = body;

    public IEnumerable<Template> Templates
    {
        get
        {
            yield return Path;
            foreach (var entry in Query)
            {
                yield return entry.Value;
            }

            if (Body is not null)
            {
                yield return Body;
            }
        }
    }
}
