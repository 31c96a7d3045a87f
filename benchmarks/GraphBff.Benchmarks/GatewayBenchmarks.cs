using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace GraphBff.Benchmarks;

/// <summary>
/// The scenario queries through the whole engine (<see cref="GraphBffGateway.ExecuteAsync"/>: document cache → plan
/// cache → execution → response writer) with canned upstreams: every upstream call is answered synchronously from
/// recorded bytes, so the figures are the gateway's own CPU and allocation cost per request, network excluded.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class GatewayBenchmarks
{
    private readonly ArrayBufferWriter<byte> _output = new(256 * 1024);
    private readonly Dictionary<ReplayHandler, HttpClient> _transport = [];
    private CannedGateway? _canned;
    private CapturedRequest[] _mediumCalls = [];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _canned = await CannedGateway.CreateAsync(ScenarioQueries.All.Select(static q => q.Query)).ConfigureAwait(false);
        _mediumCalls = [.. _canned.RequestsOf(ScenarioQueries.Medium)];
        foreach (var call in _mediumCalls)
        {
            if (!_transport.ContainsKey(call.Handler))
            {
                _transport[call.Handler] = new HttpClient(call.Handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
            }
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        foreach (var client in _transport.Values)
        {
            client.Dispose();
        }

        if (_canned is not null)
        {
            var misses = _canned.Misses;
            await _canned.DisposeAsync().ConfigureAwait(false);
            if (misses > 0)
            {
                throw new InvalidOperationException($"{misses} upstream request(s) during the run were not replays.");
            }
        }
    }

    [Benchmark(Description = "small: user(id) { id name }")]
    public Task<int> Small() => RunAsync(ScenarioQueries.Small);

    [Benchmark(Description = "medium-root-only: posts(20) scalars")]
    public Task<int> MediumRootOnly() => RunAsync(ScenarioQueries.MediumRootOnly);

    [Benchmark(Description = "medium: posts(20)+author+comments+author")]
    public Task<int> Medium() => RunAsync(ScenarioQueries.Medium);

    [Benchmark(Description = "large: posts(100)+author.posts+comments")]
    public Task<int> Large() => RunAsync(ScenarioQueries.Large);

    /// <summary>
    /// Not the engine: the medium query's upstream calls alone (the requests the gateway sent, one after the other)
    /// through HttpClient and the canned handler, each answer parsed into a JsonDocument. The floor under 'medium'
    /// that the harness and the HTTP client stack account for.
    /// </summary>
    [Benchmark(Description = "medium's upstream calls only, no engine")]
    public async Task<int> MediumUpstreamCallsOnly()
    {
        var elements = 0;
        foreach (var call in _mediumCalls)
        {
            using var request = new HttpRequestMessage(call.Method, call.Url);
            if (call.Body is not null)
            {
                request.Content = new ByteArrayContent(call.Body);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", call.ContentType);
            }

            using var response = await _transport[call.Handler].SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(stream).ConfigureAwait(false);
            elements += document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.GetArrayLength() : 1;
        }

        return elements;
    }

    private async Task<int> RunAsync(string query)
    {
        _output.ResetWrittenCount();
        await _canned!.Gateway.ExecuteAsync(new GatewayRequest { Query = query }, RequestContext.Anonymous, _output).ConfigureAwait(false);
        return _output.WrittenCount;
    }
}
