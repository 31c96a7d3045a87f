using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace GraphBff.AspNetCore.Transport;

/// <summary>Per source: forward the client's Authorization header, and set headers from the caller's claims.</summary>
internal static class UpstreamIdentity
{
    public static Action<string, HttpRequestHeaders>? For(GraphBffOptions options, ClaimsPrincipal? user, HttpRequest request)
    {
        if (user is null || !options.Sources.Values.Any(static s => s.ForwardAuthorization || s.ClaimHeaders.Count > 0))
        {
            return null;
        }

        var authorization = request.Headers.Authorization.ToString();
        return (source, headers) =>
        {
            if (!options.Sources.TryGetValue(source, out var settings))
            {
                return;
            }

            if (settings.ForwardAuthorization && authorization.Length > 0)
            {
                headers.TryAddWithoutValidation("Authorization", authorization);
            }

            foreach (var (header, claim) in settings.ClaimHeaders)
            {
                if (user.FindFirst(claim)?.Value is { } value)
                {
                    headers.TryAddWithoutValidation(header, value);
                }
            }
        };
    }
}
