using System.Buffers;
using System.Net;
using System.Text;
using GraphBff.Samples.Accounts;
using GraphBff.Samples.Content;

namespace GraphBff.Benchmarks;

/// <summary>
/// A <see cref="GraphBffGateway"/> whose upstreams answer from canned bytes. Setup starts the real demo upstreams
/// on free 127.0.0.1 ports, creates the gateway (its introspection of accounts is recorded too), runs every scenario
/// query once to record each upstream answer, freezes the recording, stops the demo upstreams and checks that a
/// second run of each query, on replays only, writes exactly the same response without any error.
/// </summary>
internal sealed class CannedGateway : IAsyncDisposable
{
    private readonly List<ReplayHandler> _handlers;

    private readonly Dictionary<string, List<CapturedRequest>> _requests;

    private CannedGateway(GraphBffGateway gateway, List<ReplayHandler> handlers, Dictionary<string, List<CapturedRequest>> requests)
    {
        Gateway = gateway;
        _handlers = handlers;
        _requests = requests;
    }

    public GraphBffGateway Gateway { get; }

    /// <summary>The upstream requests the gateway sent for one query, in the order it sent them.</summary>
    public IReadOnlyList<CapturedRequest> RequestsOf(string query) => _requests[query];

    public int Misses => _handlers.Sum(static h => h.Misses);

    public static async Task<CannedGateway> CreateAsync(IEnumerable<string> queries)
    {
        var accounts = AccountsApp.Build("http://127.0.0.1:0");
        var content = ContentApp.Build("http://127.0.0.1:0");
        await accounts.StartAsync().ConfigureAwait(false);
        await content.StartAsync().ConfigureAwait(false);
        var handlers = new List<ReplayHandler>();
        var first = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var requests = new Dictionary<string, List<CapturedRequest>>(StringComparer.Ordinal);
        GraphBffGateway? gateway = null;
        try
        {
            var options = new GraphBffOptions
            {
                SchemaDirectory = FindSchemaDirectory(),
                Sources =
                {
                    ["accounts"] = new SourceOptions
                    {
                        Name = "accounts",
                        Kind = SourceKind.GraphQL,
                        Url = new Uri(AccountsApp.GetBaseAddress(accounts), "/graphql").ToString(),
                    },
                    ["content"] = new SourceOptions
                    {
                        Name = "content",
                        Kind = SourceKind.Rest,
                        Url = ContentApp.GetBaseAddress(content).ToString(),
                    },
                },
            };

            gateway = await GraphBffGateway.CreateAsync(options, handlerFactory: _ =>
            {
                var handler = new ReplayHandler(new HttpMessageInvoker(new SocketsHttpHandler { UseProxy = false, UseCookies = false }));
                handlers.Add(handler);
                return handler;
            }).ConfigureAwait(false);

            foreach (var query in queries)
            {
                var capture = requests[query] = [];
                handlers.ForEach(h => h.Capture = capture);
                first[query] = await RunAsync(gateway, query).ConfigureAwait(false);
            }

            foreach (var handler in handlers)
            {
                handler.Capture = null;
                handler.Freeze();
            }
        }
        catch
        {
            gateway?.Dispose();
            throw;
        }
        finally
        {
            await accounts.DisposeAsync().ConfigureAwait(false);
            await content.DisposeAsync().ConfigureAwait(false);
        }

        var canned = new CannedGateway(gateway, handlers, requests);
        foreach (var (query, recorded) in first)
        {
            var replayed = await RunAsync(gateway, query).ConfigureAwait(false);
            if (!replayed.AsSpan().SequenceEqual(recorded))
            {
                throw new InvalidOperationException($"The replayed response differs from the recorded one: {query}");
            }

            Console.WriteLine($"// canned: {replayed.Length,7} response bytes, {requests[query].Count,3} upstream calls for {query}");
            if (canned.Misses > 0)
            {
                throw new InvalidOperationException($"{canned.Misses} upstream request(s) of a replay were never recorded: {query}");
            }
        }

        Console.WriteLine($"// canned: {handlers.Sum(static h => h.Count)} distinct upstream answers recorded");
        return canned;
    }

    private static async Task<byte[]> RunAsync(GraphBffGateway gateway, string query)
    {
        var output = new ArrayBufferWriter<byte>();
        var result = await gateway.ExecuteAsync(new GatewayRequest { Query = query }, RequestContext.Anonymous, output).ConfigureAwait(false);
        var bytes = output.WrittenSpan.ToArray();
        var text = Encoding.UTF8.GetString(bytes);
        if (result.StatusCode != (int)HttpStatusCode.OK || !text.StartsWith("{\"data\":{", StringComparison.Ordinal) || text.Contains("\"errors\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The gateway did not answer {query} cleanly ({result.StatusCode}): {text[..Math.Min(text.Length, 500)]}");
        }

        return bytes;
    }

    /// <summary>The project's schema folder: the nearest ancestor of the app's folder that holds schema/sources.</summary>
    internal static string FindSchemaDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "schema");
            if (Directory.Exists(Path.Combine(candidate, "sources")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No schema/sources folder above {AppContext.BaseDirectory}.");
    }

    public ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        return ValueTask.CompletedTask;
    }
}
