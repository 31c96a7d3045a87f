using System.Buffers;
using BenchmarkDotNet.Attributes;

namespace GraphBff.Benchmarks;

/// <summary>
/// The scenario queries through the whole engine (<see cref="GraphBffGateway.ExecuteAsync"/>: document cache → plan
/// cache → execution → response writer) with canned upstreams: every upstream call is answered synchronously from
/// recorded bytes, so the figures are the gateway's own CPU and allocation cost per request, network excluded.
/// </summary>
[MemoryDiagnoser]
public class GatewayBenchmarks
{
    private readonly ArrayBufferWriter<byte> _output = new(256 * 1024);
    private CannedGateway? _canned;

    [GlobalSetup]
    public async Task SetupAsync() => _canned = await CannedGateway.CreateAsync(ScenarioQueries.All.Select(static q => q.Query)).ConfigureAwait(false);

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
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

    private async Task<int> RunAsync(string query)
    {
        _output.ResetWrittenCount();
        await _canned!.Gateway.ExecuteAsync(new GatewayRequest { Query = query }, RequestContext.Anonymous, _output).ConfigureAwait(false);
        return _output.WrittenCount;
    }
}
