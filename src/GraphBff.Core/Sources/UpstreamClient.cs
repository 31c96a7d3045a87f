using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GraphBff.Execution;

namespace GraphBff.Sources;

/// <summary>
/// Sends calls to one source and reads its JSON. A failure never throws: it becomes a <see cref="GraphQLError"/> with
/// <c>UPSTREAM_TIMEOUT</c>, <c>UPSTREAM_UNAVAILABLE</c> or <c>UPSTREAM_ERROR</c>, and its details stay in the log.
/// </summary>
internal sealed class UpstreamClient : IDisposable
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json") { CharSet = "utf-8" };
    private static readonly MediaTypeWithQualityHeaderValue s_acceptJson = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue s_acceptGraphQL = new("application/graphql-response+json");

    private readonly HttpClient _http;
    private readonly SourceOptions _options;
    private readonly Uri _baseUri;

    public UpstreamClient(SourceOptions options, HttpMessageHandler handler)
    {
        _options = options;
        _baseUri = new Uri(options.Url.EndsWith('/') || options.Kind == SourceKind.GraphQL ? options.Url : options.Url + "/");
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        Gate = new SemaphoreSlim(options.MaxConcurrency);
    }

    public string Name => _options.Name;

    public SourceKind Kind => _options.Kind;

    /// <summary>Bounds the calls one request has in flight to this source.</summary>
    public SemaphoreSlim Gate { get; }

    public static SocketsHttpHandler CreateHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        MaxConnectionsPerServer = 512,
        AutomaticDecompression = DecompressionMethods.All,
        UseCookies = false,
        UseProxy = false,
    };

    public Task<UpstreamResponse> PostGraphQLAsync(byte[] body, RequestContext context, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _baseUri)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = s_json } },
        };
        request.Headers.Accept.Add(s_acceptGraphQL);
        request.Headers.Accept.Add(s_acceptJson);
        return SendAsync(request, context, cancellationToken);
    }

    public Task<UpstreamResponse> SendRestAsync(string method, string relativeUrl, string? body, RequestContext context, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_baseUri, relativeUrl.TrimStart('/')));
        if (body is not null)
        {
            request.Content = new StringContent(body, s_json);
        }

        request.Headers.Accept.Add(s_acceptJson);
        return SendAsync(request, context, cancellationToken);
    }

    private async Task<UpstreamResponse> SendAsync(HttpRequestMessage request, RequestContext context, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in _options.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        foreach (var name in _options.ForwardHeaders)
        {
            if (context.GetHeader(name) is { } value)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        context.UpstreamHeaders?.Invoke(_options.Name, request.Headers);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using (request)
            using (var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false))
            {
                var status = (int)response.StatusCode;
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                var isJson = mediaType is null || mediaType.Contains("json", StringComparison.OrdinalIgnoreCase);
                if (!isJson)
                {
                    return Fail(ErrorCodes.UpstreamError, $"answered {status} with {mediaType} instead of JSON");
                }

                await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
                var document = await JsonDocument.ParseAsync(stream, default, timeout.Token).ConfigureAwait(false);
                return new UpstreamResponse(status, document, null);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(ErrorCodes.UpstreamTimeout, $"did not answer within {_options.Timeout.TotalMilliseconds:0} ms");
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            return Fail(ErrorCodes.UpstreamUnavailable, "could not be reached");
        }
        catch (HttpRequestException)
        {
            return Fail(ErrorCodes.UpstreamError, "broke the connection");
        }
        catch (JsonException)
        {
            return Fail(ErrorCodes.UpstreamError, "answered with malformed JSON");
        }
    }

    private UpstreamResponse Fail(string code, string what) =>
        new(0, null, new GraphQLError($"Source '{_options.Name}' {what}.", code));

    public void Dispose()
    {
        _http.Dispose();
        Gate.Dispose();
    }
}
