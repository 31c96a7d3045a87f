using System.Buffers;
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

    // The Accept values, stored raw: the handler writes them as they are, and nothing is parsed per call.
    private const string AcceptGraphQL = "application/graphql-response+json, application/json";
    private const string AcceptJson = "application/json";

    // What JsonDocument.ParseAsync starts with when a body's length is unknown.
    private const int UnknownLengthBufferSize = 4096;

    private static readonly SearchValues<char> s_plainUrlChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=@/?%");

    private static readonly Action<object?> s_cancel = static source => ((CancellationTokenSource)source!).Cancel();

    // HttpMessageInvoker, not HttpClient: every call has its own timeout and needs none of HttpClient's defaults, so
    // HttpClient would only add a linked CancellationTokenSource and an async frame per call.
    private readonly HttpMessageInvoker _http;
    private readonly SourceOptions _options;
    private readonly Uri _baseUri;

    // The base URL's text, when a plain relative URL appended to it parses to the Uri that resolving it would give.
    private readonly string? _basePrefix;
    private readonly ReusePool<CancellationTokenSource> _timeouts = new(ReusePool<CancellationTokenSource>.DefaultSize);

    public UpstreamClient(SourceOptions options, HttpMessageHandler handler)
    {
        _options = options;
        _baseUri = new Uri(options.Url.EndsWith('/') || options.Kind == SourceKind.GraphQL ? options.Url : options.Url + "/");
        var prefix = _baseUri.AbsoluteUri;
        const string Probe = "probe/path?name=value";
        _basePrefix = prefix.EndsWith('/') && _baseUri.Query.Length == 0 && _baseUri.Fragment.Length == 0 &&
                      new Uri(_baseUri, Probe).OriginalString == prefix + Probe
            ? prefix
            : null;
        _http = new HttpMessageInvoker(handler, disposeHandler: true);
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

    /// <summary>Posts a GraphQL request; the answer's document owns its bytes (dispose it when done).</summary>
    public Task<UpstreamResponse> PostGraphQLAsync(byte[] body, RequestContext context, CancellationToken cancellationToken) =>
        SendAsync(GraphQLRequest(new ByteArrayContent(body)), context, Read.Document, cancellationToken).AsTask();

    /// <summary>
    /// Posts a GraphQL request whose body is the first <paramref name="length"/> bytes of <paramref name="pooledBody"/>, an
    /// <see cref="ArrayPool{T}.Shared"/> array this call takes over. The answer's document reads pooled bytes
    /// (<see cref="UpstreamResponse.Buffer"/>).
    /// </summary>
    public ValueTask<UpstreamResponse> PostGraphQLAsync(byte[] pooledBody, int length, RequestContext context, CancellationToken cancellationToken) =>
        SendAsync(GraphQLRequest(new PooledByteArrayContent(pooledBody, length)), context, Read.PooledDocument, cancellationToken);

    /// <summary>
    /// Sends a REST call to <see cref="CreateUri"/>'s address. The answer is not parsed yet: its JSON text (a UTF-8 BOM
    /// taken off) is the first <see cref="UpstreamResponse.BufferLength"/> bytes of <see cref="UpstreamResponse.Buffer"/>,
    /// for <see cref="Parse"/>, or for the caller to parse with others and give back to <see cref="ReturnBuffer"/>.
    /// </summary>
    public ValueTask<UpstreamResponse> SendRestAsync(HttpMethod method, Uri url, string? body, RequestContext context, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, s_json);
        }

        request.Headers.TryAddWithoutValidation("Accept", AcceptJson);
        return SendAsync(request, context, Read.Bytes, cancellationToken);
    }

    /// <summary>
    /// Parses an answer of <see cref="SendRestAsync"/> into a document that reads its pooled bytes; malformed JSON
    /// becomes the error it would have been had the call parsed it (and the bytes go back to the pool).
    /// </summary>
    public UpstreamResponse Parse(UpstreamResponse answer)
    {
        if (answer.Buffer is not { } buffer)
        {
            return answer;
        }

        try
        {
            return answer with { Document = JsonDocument.Parse(buffer.AsMemory(0, answer.BufferLength)) };
        }
        catch (JsonException)
        {
            ReturnBuffer(buffer, answer.BufferLength);
            return Fail(ErrorCodes.UpstreamError, "answered with malformed JSON");
        }
    }

    /// <summary>The absolute address of a URL relative to the source's base URL (leading slashes ignored).</summary>
    public Uri CreateUri(ReadOnlySpan<char> relativeUrl)
    {
        relativeUrl = relativeUrl.TrimStart('/');

        // Resolving against the base costs a second string and a second parse; for a plain relative URL (the
        // templates' usual text and escaped values) appending it to the base's text gives the same Uri.
        return _basePrefix is { } prefix && IsPlainRelative(relativeUrl)
            ? new Uri(string.Concat(prefix, relativeUrl), UriKind.Absolute)
            : new Uri(_baseUri, relativeUrl.ToString());
    }

    /// <summary>
    /// Only unreserved chars, sub-delimiters, '@', '/', '?' and %XX escapes (no ':' that could make a scheme, no '#',
    /// no backslash or space), and no dot segment ('.', '..', or an escaped dot) that resolving would remove.
    /// </summary>
    private static bool IsPlainRelative(ReadOnlySpan<char> url)
    {
        if (url.ContainsAnyExcept(s_plainUrlChars))
        {
            return false;
        }

        var rest = url;
        int at;
        while ((at = rest.IndexOf('%')) >= 0)
        {
            if (at + 2 >= rest.Length || !char.IsAsciiHexDigit(rest[at + 1]) || !char.IsAsciiHexDigit(rest[at + 2]) ||
                (rest[at + 1] == '2' && rest[at + 2] is 'e' or 'E'))
            {
                return false;
            }

            rest = rest[(at + 3)..];
        }

        var query = url.IndexOf('?');
        var path = query < 0 ? url : url[..query];
        foreach (var range in path.Split('/'))
        {
            if (path[range] is "." or "..")
            {
                return false;
            }
        }

        return true;
    }

    private HttpRequestMessage GraphQLRequest(HttpContent content)
    {
        content.Headers.ContentType = s_json;
        var request = new HttpRequestMessage(HttpMethod.Post, _baseUri) { Content = content };
        request.Headers.TryAddWithoutValidation("Accept", AcceptGraphQL);
        return request;
    }

    private async ValueTask<UpstreamResponse> SendAsync(HttpRequestMessage request, RequestContext context, Read read, CancellationToken cancellationToken)
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

        var timeout = _timeouts.TryRent() ?? new CancellationTokenSource();
        var link = cancellationToken.UnsafeRegister(s_cancel, timeout);
        var started = Environment.TickCount64;
        var answered = false;
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using (request)
            using (var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The handler did not return a response message."))
            {
                answered = true;
                var status = (int)response.StatusCode;
                var content = response.Content;
                if (!IsJson(content.Headers, out var mediaType))
                {
                    return Fail(ErrorCodes.UpstreamError, $"answered {status} with {mediaType} instead of JSON");
                }

                var stream = await content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    if (read == Read.Document)
                    {
                        var document = await JsonDocument.ParseAsync(stream, default, timeout.Token).ConfigureAwait(false);
                        return new UpstreamResponse(status, document, null);
                    }

                    // What JsonDocument.ParseAsync reads, into an array the caller gives back when it is done with
                    // the document: no Task per call, and the rent is sized from the length when it is known.
                    var expected = stream.CanSeek ? stream.Length - stream.Position : content.Headers.ContentLength ?? -1;
                    var buffer = ArrayPool<byte>.Shared.Rent(expected is >= 0 and < 64 * 1024 * 1024 ? (int)expected + 1 : UnknownLengthBufferSize);
                    var length = 0;
                    try
                    {
                        int count;
                        while ((count = await stream.ReadAsync(buffer.AsMemory(length), timeout.Token).ConfigureAwait(false)) > 0)
                        {
                            length += count;
                            if (length == buffer.Length)
                            {
                                buffer = Grow(buffer, length);
                            }
                        }
                    }
                    catch
                    {
                        ReturnBuffer(buffer, length);
                        throw;
                    }

                    // JsonDocument.ParseAsync skips a UTF-8 byte order mark; JsonDocument.Parse would not.
                    if (buffer.AsSpan(0, length).StartsWith("\uFEFF"u8))
                    {
                        buffer.AsSpan(3, length - 3).CopyTo(buffer);
                        buffer.AsSpan(length - 3, 3).Clear();
                        length -= 3;
                    }

                    var answer = new UpstreamResponse(status, null, null, buffer, length);
                    return read == Read.PooledDocument ? Parse(answer) : answer;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(ErrorCodes.UpstreamTimeout, $"did not answer within {_options.Timeout.TotalMilliseconds:0} ms");
        }
        catch (HttpRequestException) when (!answered && timeout.IsCancellationRequested)
        {
            // HttpClient.SendAsync's rule: a handler failure once the call is canceled counts as the cancellation.
            cancellationToken.ThrowIfCancellationRequested();
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
        finally
        {
            link.Dispose();
            ReturnTimeout(timeout, started);
        }
    }

    /// <summary>
    /// Whether the answer is JSON: no <c>Content-Type</c>, one that does not parse, or a media type containing "json".
    /// The raw value decides when its media type says json; only other answers have the header parsed.
    /// </summary>
    private static bool IsJson(HttpContentHeaders headers, out string? mediaType)
    {
        mediaType = null;
        if (!headers.NonValidated.TryGetValues("Content-Type", out var values))
        {
            return true;
        }

        if (values.Count == 1)
        {
            foreach (var raw in values)
            {
                var end = raw.IndexOf(';');
                if ((end < 0 ? raw.AsSpan() : raw.AsSpan(0, end)).Contains("json", StringComparison.OrdinalIgnoreCase))
                {
                    // Either the parser reads this same media type, or it fails and the answer counts as JSON anyway.
                    return true;
                }
            }
        }

        mediaType = headers.ContentType?.MediaType;
        return mediaType is null || mediaType.Contains("json", StringComparison.OrdinalIgnoreCase);
    }

    private static byte[] Grow(byte[] buffer, int length)
    {
        var next = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
        buffer.AsSpan(0, length).CopyTo(next);
        ReturnBuffer(buffer, length);
        return next;
    }

    /// <summary>Gives back an answer's array, cleared (it held upstream data), as JsonDocument does with its own.</summary>
    public static void ReturnBuffer(byte[] buffer, int length)
    {
        buffer.AsSpan(0, length).Clear();
        ArrayPool<byte>.Shared.Return(buffer);
    }

    /// <summary>
    /// Reuses a call's timeout source unless its timer could be firing now: TryReset is not safe against a concurrent
    /// cancel, so only a call that ended well within its timeout gives its source back.
    /// </summary>
    private void ReturnTimeout(CancellationTokenSource timeout, long started)
    {
        if (Environment.TickCount64 - started < _options.Timeout.TotalMilliseconds / 2 && timeout.TryReset() && _timeouts.Return(timeout))
        {
            return;
        }

        timeout.Dispose();
    }

    private enum Read
    {
        /// <summary>Parse with JsonDocument.ParseAsync: the document owns its bytes.</summary>
        Document,

        /// <summary>Parse a pooled copy (<see cref="UpstreamResponse.Buffer"/>).</summary>
        PooledDocument,

        /// <summary>Only read the bytes into a pooled array.</summary>
        Bytes,
    }

    private UpstreamResponse Fail(string code, string what) =>
        new(0, null, new GraphQLError($"Source '{_options.Name}' {what}.", code));

    public void Dispose()
    {
        _http.Dispose();
        Gate.Dispose();
    }
}
