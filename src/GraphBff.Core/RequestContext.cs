using System.Net.Http.Headers;
using System.Security.Claims;

namespace GraphBff;

/// <summary>Who asks, and the request headers templates and forwarding may read.</summary>
public sealed class RequestContext
{
    public static readonly RequestContext Anonymous = new();

    public ClaimsPrincipal? User { get; init; }

    public Func<string, string?> GetHeader { get; init; } = static _ => null;

    /// <summary>Called for every upstream call, to add headers (e.g. identity) per source.</summary>
    public Action<string, HttpRequestHeaders>? UpstreamHeaders { get; init; }
}
