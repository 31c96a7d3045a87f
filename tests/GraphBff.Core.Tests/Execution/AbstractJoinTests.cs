using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using GraphBff.Core.Tests.Differential;
using GraphBff.Samples.Content;

namespace GraphBff.Core.Tests.Execution;

/// <summary>A join on one member of an interface: only parents of that type are fetched for.</summary>
public sealed class AbstractJoinTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _calls = new();
    private Microsoft.AspNetCore.Builder.WebApplication _catalog = null!;
    private Microsoft.AspNetCore.Builder.WebApplication _content = null!;
    private GraphBffGateway _gateway = null!;
    private string _schema = null!;

    public async Task InitializeAsync()
    {
        _catalog = CatalogApp.Build(withItems: true);
        _content = ContentApp.Build("http://127.0.0.1:0");
        await Task.WhenAll(_catalog.StartAsync(), _content.StartAsync());
        _schema = Directory.CreateTempSubdirectory("graphbff-abstract").FullName;
        Directory.CreateDirectory(Path.Combine(_schema, "sources"));
        Directory.CreateDirectory(Path.Combine(_schema, "extensions"));
        File.Copy(Path.Combine(RepositoryPaths.SchemaDirectory, "sources", "content.graphql"), Path.Combine(_schema, "sources", "content.graphql"));
        await File.WriteAllTextAsync(
            Path.Combine(_schema, "extensions", "books.graphql"),
            "extend type Book { post: Post @delegate(source: \"content\", path: \"post(id: $fields:id)\") }\n" +
            "extend type Magazine { cover: Post @delegate(source: \"content\", path: \"post(id: $fields:id)\") }\n");
        _gateway = await GraphBffGateway.CreateAsync(
            new GraphBffOptions
            {
                SchemaDirectory = _schema,
                Sources =
                {
                    ["catalog"] = new SourceOptions { Name = "catalog", Url = new Uri(CatalogApp.GetBaseAddress(_catalog), "/graphql").ToString() },
                    ["content"] = new SourceOptions { Name = "content", Kind = SourceKind.Rest, Url = ContentApp.GetBaseAddress(_content).ToString() },
                },
            },
            handlerFactory: source => new Recorder(source.Name, _calls));
    }

    public async Task DisposeAsync()
    {
        _gateway.Dispose();
        await _catalog.DisposeAsync();
        await _content.DisposeAsync();
        Directory.Delete(_schema, recursive: true);
    }

    [Fact]
    public async Task Join_under_an_interface_fetches_only_for_its_own_type()
    {
        _calls.Clear();
        var output = new ArrayBufferWriter<byte>();
        await _gateway.ExecuteAsync(new GatewayRequest { Query = "{ items { id ... on Book { post { title } } ... on Magazine { cover { title } } } }" }, RequestContext.Anonymous, output);
        var response = Encoding.UTF8.GetString(output.WrittenSpan);

        Assert.Contains("{\"id\":\"1\",\"post\":{\"title\":\"Post 1\"}}", response);
        Assert.Contains("{\"id\":\"m1\",\"cover\":null}", response);
        Assert.DoesNotContain("errors", response);

        // Both members carry the same key alias (_k_id); each join still asks only for its own type's parents.
        var content = _calls.Where(static c => c.StartsWith("content ", StringComparison.Ordinal)).ToList();
        Assert.Equal(content.Count, content.Distinct().Count());
        Assert.Contains("content /posts/m1", content);
        Assert.Contains("content /posts/1", content);
    }

    private sealed class Recorder(string source, ConcurrentQueue<string> calls) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            calls.Enqueue(source + " " + request.RequestUri!.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
