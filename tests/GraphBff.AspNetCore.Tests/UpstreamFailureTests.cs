using System.Buffers;
using System.Text;
using GraphBff.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphBff.AspNetCore.Tests;

/// <summary>A REST upstream that fails in every way a real one can, behind a gateway with a 1 s timeout.</summary>
public sealed class UpstreamFailureTests : IAsyncLifetime
{
    private WebApplication _faulty = null!;
    private GraphBffGateway _gateway = null!;
    private string _schemaDirectory = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _faulty = builder.Build();
        _faulty.MapGet("/ok", static () => Results.Text("{\"id\":\"1\",\"count\":3}", "application/json"));
        _faulty.MapGet("/500", static () => Results.Text("{\"error\":\"boom at /internal/path\"}", "application/json", statusCode: 500));
        _faulty.MapGet("/html", static () => Results.Text("<html><body>Bad gateway</body></html>", "text/html"));
        _faulty.MapGet("/truncated", static () => Results.Text("{\"id\":\"1\",\"cou", "application/json"));
        _faulty.MapGet("/slow", static async (HttpContext context) =>
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
            return Results.Ok();
        });
        _faulty.MapGet("/lying", static () => Results.Text("{\"id\":null,\"count\":\"three\"}", "application/json"));
        await _faulty.StartAsync();
        var address = _faulty.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _schemaDirectory = Directory.CreateTempSubdirectory("graphbff-faulty").FullName;
        Directory.CreateDirectory(Path.Combine(_schemaDirectory, "sources"));
        await File.WriteAllTextAsync(Path.Combine(_schemaDirectory, "sources", "faulty.graphql"), """
            type Thing { id: ID! count: Int }
            type Query {
              ok: Thing @http(path: "/ok")
              failing: Thing @http(path: "/500")
              html: Thing @http(path: "/html")
              truncated: Thing @http(path: "/truncated")
              slow: Thing @http(path: "/slow")
              lying: Thing @http(path: "/lying")
            }
            """);
        _gateway = await GraphBffGateway.CreateAsync(new GraphBffOptions
        {
            SchemaDirectory = _schemaDirectory,
            Sources =
            {
                ["faulty"] = new SourceOptions { Name = "faulty", Kind = SourceKind.Rest, Url = address, Timeout = TimeSpan.FromMilliseconds(1000) },
            },
        });

        // Warm the connection and the JIT, so that only /slow can take as long as the timeout.
        await RunAsync("{ ok { id } }");
    }

    public async Task DisposeAsync()
    {
        _gateway.Dispose();
        await _faulty.DisposeAsync();
        Directory.Delete(_schemaDirectory, recursive: true);
    }

    private async Task<string> RunAsync(string query)
    {
        var output = new ArrayBufferWriter<byte>();
        var result = await _gateway.ExecuteAsync(new GatewayRequest { Query = query }, RequestContext.Anonymous, output);
        Assert.Equal(200, result.StatusCode);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    [Theory]
    [InlineData("failing", "Source 'faulty' answered 500.", ErrorCodes.UpstreamError)]
    [InlineData("html", "Source 'faulty' answered 200 with text/html instead of JSON.", ErrorCodes.UpstreamError)]
    [InlineData("truncated", "Source 'faulty' answered with malformed JSON.", ErrorCodes.UpstreamError)]
    [InlineData("slow", "Source 'faulty' did not answer within 1000 ms.", ErrorCodes.UpstreamTimeout)]
    public async Task Failing_upstream_gives_null_and_an_error_while_the_rest_is_intact(string field, string message, string code)
    {
        var response = await RunAsync($"{{ ok {{ id }} {field} {{ id }} }}");

        Assert.Equal(
            $"{{\"data\":{{\"ok\":{{\"id\":\"1\"}},\"{field}\":null}},\"errors\":[{{\"message\":\"{message}\",\"locations\":[{{\"line\":1,\"column\":13}}],\"path\":[\"{field}\"],\"extensions\":{{\"code\":\"{code}\"}}}}]}}",
            response);
        Assert.DoesNotContain("127.0.0.1", response);
        Assert.DoesNotContain("/internal/path", response);
    }

    [Fact]
    public async Task Lying_upstream_values_are_coerced_to_null_with_errors_and_nulls_propagate()
    {
        var response = await RunAsync("{ lying { id count } }");

        // id is ID! and null: the error is at lying.id and the null propagates to the nullable lying.
        Assert.Equal(
            "{\"data\":{\"lying\":null},\"errors\":[{\"message\":\"Cannot return null for non-nullable field Thing.id.\",\"locations\":[{\"line\":1,\"column\":11}],\"path\":[\"lying\",\"id\"],\"extensions\":{\"code\":\"UPSTREAM_INVALID_VALUE\"}}]}",
            response);
    }

    [Fact]
    public async Task Wrongly_typed_leaf_is_null_with_an_error()
    {
        var response = await RunAsync("{ lying { count } }");

        Assert.Equal(
            "{\"data\":{\"lying\":{\"count\":null}},\"errors\":[{\"message\":\"Thing.count: the source sent a string where Int was expected.\",\"locations\":[{\"line\":1,\"column\":11}],\"path\":[\"lying\",\"count\"],\"extensions\":{\"code\":\"UPSTREAM_INVALID_VALUE\"}}]}",
            response);
    }

    [Fact]
    public async Task Gateway_keeps_answering_after_many_timeouts()
    {
        var tasks = Enumerable.Range(0, 20).Select(_ => RunAsync("{ slow { id } }")).ToArray();
        await Task.WhenAll(tasks);

        Assert.All(tasks, static t => Assert.Contains("UPSTREAM_TIMEOUT", t.Result));
        Assert.Contains("\"ok\":{\"id\":\"1\"}", await RunAsync("{ ok { id } }"));
    }
}
