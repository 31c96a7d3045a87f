using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace GraphBff.Benchmarks;

/// <summary>
/// An upstream handler that records real answers and replays them. While <see cref="Recording"/> is on, a request
/// not seen before (same method, URL and body) is forwarded to the real server and its answer is stored; once
/// <see cref="Freeze"/> is called every request must be a replay (answered synchronously from the stored bytes,
/// no network), and one that is not is answered 502 and counted in <see cref="Misses"/>.
/// </summary>
internal sealed class ReplayHandler : HttpMessageHandler
{
    [ThreadStatic]
    private static MemoryStream? t_body;

    [ThreadStatic]
    private static char[]? t_key;

    private static readonly byte[] s_missBody = """{"error":"request not recorded"}"""u8.ToArray();

    private readonly ConcurrentDictionary<string, Recorded> _recorded = new(StringComparer.Ordinal);
    private readonly HttpMessageInvoker _real;
    private Dictionary<string, Recorded>.AlternateLookup<ReadOnlySpan<char>> _frozen;
    private bool _isFrozen;
    private int _misses;

    public ReplayHandler(HttpMessageInvoker real) => _real = real;

    public bool Recording => !_isFrozen;

    public int Misses => Volatile.Read(ref _misses);

    public int Count => _recorded.Count;

    /// <summary>While recording, every request sent (replayed or not) is also appended here when it is set.</summary>
    public List<CapturedRequest>? Capture { get; set; }

    /// <summary>Stops recording: from now on only stored answers are served, from a lock-free lookup.</summary>
    public void Freeze()
    {
        _frozen = new Dictionary<string, Recorded>(_recorded, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _isFrozen = true;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_isFrozen)
        {
            return RecordAsync(request, cancellationToken);
        }

        var key = BuildKey(request, cancellationToken);
        if (_frozen.TryGetValue(key, out var recorded))
        {
            return Task.FromResult(recorded.ToResponse(request));
        }

        Interlocked.Increment(ref _misses);
        return Task.FromResult(new Recorded(HttpStatusCode.BadGateway, "application/json", s_missBody).ToResponse(request));
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();

    private async Task<HttpResponseMessage> RecordAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = BuildKey(request, cancellationToken).ToString();
        var content = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (Capture is { } capture)
        {
            lock (capture)
            {
                capture.Add(new CapturedRequest(this, request.Method, request.RequestUri!, content, request.Content?.Headers.ContentType?.ToString()));
            }
        }

        if (_recorded.TryGetValue(key, out var known))
        {
            return known.ToResponse(request);
        }

        using var forward = new HttpRequestMessage(request.Method, request.RequestUri);
        foreach (var header in request.Headers)
        {
            forward.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (request.Content is not null)
        {
            forward.Content = new ByteArrayContent(content!);
            foreach (var header in request.Content.Headers)
            {
                forward.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        using var response = await _real.SendAsync(forward, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var answer = new Recorded(response.StatusCode, response.Content.Headers.ContentType?.ToString(), body);
        var status = (int)response.StatusCode;
        if (status is (>= 200 and < 300) or 404)
        {
            _recorded.TryAdd(key, answer);
        }

        return answer.ToResponse(request);
    }

    /// <summary>"METHOD url\nbody" in a per-thread buffer (no allocation once the buffers have grown).</summary>
    private static ReadOnlySpan<char> BuildKey(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var url = request.RequestUri!.OriginalString;
        var body = t_body ??= new MemoryStream();
        body.SetLength(0);
        request.Content?.CopyTo(body, null, cancellationToken);

        var length = method.Length + 1 + url.Length + 1 + Encoding.UTF8.GetMaxCharCount((int)body.Length);
        var key = t_key;
        if (key is null || key.Length < length)
        {
            key = t_key = new char[Math.Max(length, 4096)];
        }

        var span = key.AsSpan();
        method.CopyTo(span);
        var at = method.Length;
        span[at++] = ' ';
        url.CopyTo(span[at..]);
        at += url.Length;
        span[at++] = '\n';
        at += Encoding.UTF8.GetChars(body.GetBuffer().AsSpan(0, (int)body.Length), span[at..]);
        return span[..at];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _real.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed record Recorded(HttpStatusCode Status, string? ContentType, byte[] Body)
    {
        public HttpResponseMessage ToResponse(HttpRequestMessage request)
        {
            var content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }

            return new HttpResponseMessage(Status) { Content = content, RequestMessage = request };
        }
    }
}
