using System.Collections.Concurrent;

namespace GraphBff.AspNetCore.Tests.Infrastructure;

/// <summary>Wraps each source's real handler and records every call it sends (source, method, path and query, body).</summary>
public sealed class RecordingHandlerFactory : GraphBffHandlerFactory
{
    public ConcurrentQueue<UpstreamCall> Calls { get; } = new();

    public override HttpMessageHandler Create(SourceOptions source) => new RecordingHandler(source.Name, Calls, base.Create(source));

    public void Clear() => Calls.Clear();

    public List<UpstreamCall> Sorted() =>
        [.. Calls.OrderBy(static c => c.Source, StringComparer.Ordinal)
            .ThenBy(static c => c.Url, StringComparer.Ordinal)
            .ThenBy(static c => c.Body, StringComparer.Ordinal)];

    private sealed class RecordingHandler(string source, ConcurrentQueue<UpstreamCall> calls, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            if (body is null || !body.Contains("IntrospectionQuery", StringComparison.Ordinal))
            {
                calls.Enqueue(new UpstreamCall(source, request.Method.Method, request.RequestUri!.PathAndQuery, body)
                {
                    Headers = request.Headers.ToDictionary(static h => h.Key.ToLowerInvariant(), static h => string.Join(",", h.Value)),
                });
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
