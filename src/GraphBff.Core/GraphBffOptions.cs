namespace GraphBff;

/// <summary>The gateway's settings (configuration section <c>GraphBff</c>).</summary>
public sealed class GraphBffOptions
{
    /// <summary>The upstream APIs, by name.</summary>
    public Dictionary<string, SourceOptions> Sources { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The folder holding <c>sources/</c>, <c>extensions/</c> and <c>gateway.graphql</c>; default <c>schema</c>.</summary>
    public string SchemaDirectory { get; set; } = "schema";

    /// <summary>How many parsed documents are kept; default 1000.</summary>
    public int DocumentCacheSize { get; set; } = 1000;

    /// <summary>Largest request body accepted, in bytes; default 256 KiB.</summary>
    public long MaxRequestBodySize { get; set; } = 256 * 1024;

    /// <summary>Deepest selection nesting accepted; default 32.</summary>
    public int MaxDepth { get; set; } = 32;

    /// <summary>Show upstream and internal error details to clients (Development only).</summary>
    public bool IncludeErrorDetails { get; set; }

    /// <summary>Whether <c>GraphBff:Sources</c> came from configuration (no demo upstreams are started then).</summary>
    internal bool HasConfiguredSources => Sources.Count > 0;

    /// <summary>Checks the settings; the message names the setting and what is wrong.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        foreach (var (name, source) in Sources)
        {
            if (string.IsNullOrEmpty(source.Name))
            {
                source.Name = name;
            }

            var where = $"GraphBff:Sources:{name}";
            if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors.Add($"{where}:Url '{source.Url}' is not an absolute http(s) URL.");
            }

            if (source.Timeout <= TimeSpan.Zero)
            {
                errors.Add($"{where}:Timeout must be positive.");
            }

            if (source.MaxConcurrency < 1)
            {
                errors.Add($"{where}:MaxConcurrency must be at least 1.");
            }
        }

        if (DocumentCacheSize < 1)
        {
            errors.Add("GraphBff:DocumentCacheSize must be at least 1.");
        }

        if (MaxRequestBodySize < 1024)
        {
            errors.Add("GraphBff:MaxRequestBodySize must be at least 1024.");
        }

        if (MaxDepth < 1)
        {
            errors.Add("GraphBff:MaxDepth must be at least 1.");
        }

        if (errors.Count > 0)
        {
            throw new GraphBffConfigurationException("Invalid GraphBff configuration: " + string.Join(" ", errors));
        }
    }
}
