namespace GraphBff.AspNetCore.Tests.Infrastructure;

/// <summary>One request the gateway sent upstream, as recorded on the wire.</summary>
public sealed record UpstreamCall(string Source, string Method, string Url, string? Body)
{
    /// <summary>The request headers sent (not part of snapshots).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
