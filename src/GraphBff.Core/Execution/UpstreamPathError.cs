namespace GraphBff.Execution;

/// <summary>An error a GraphQL source reported at a path inside its data; the writer re-paths it into the response.</summary>
internal sealed class UpstreamPathError(object[] path, string message, string? code)
{
    /// <summary>The path below the fetched value (for a root fetch: from the data root).</summary>
    public object[] Path { get; } = path;

    public string Message { get; } = message;

    public string? Code { get; } = code;

    public bool Used { get; set; }
}
