using System.Buffers;
using System.Text;
using System.Text.Json;
using GraphBff.Samples.Accounts;
using GraphBff.Samples.Content;
using Microsoft.AspNetCore.Builder;

namespace GraphBff.Core.Tests.Differential;

/// <summary>
/// Both demo upstreams on free 127.0.0.1 ports, one gateway composed over them, and the GraphQL.NET oracle reading the
/// same two servers: started once for the whole differential test class.
/// </summary>
public sealed class DifferentialFixture : IAsyncLifetime
{
    private WebApplication? _accounts;
    private WebApplication? _content;

    public GraphBffGateway Gateway { get; private set; } = null!;

    internal DifferentialOracle Oracle { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _accounts = AccountsApp.Build("http://127.0.0.1:0");
        _content = ContentApp.Build("http://127.0.0.1:0");
        await Task.WhenAll(_accounts.StartAsync(), _content.StartAsync());
        var accountsGraphQL = new Uri(AccountsApp.GetBaseAddress(_accounts), "/graphql");
        var contentBase = ContentApp.GetBaseAddress(_content);

        Gateway = await GraphBffGateway.CreateAsync(new GraphBffOptions
        {
            SchemaDirectory = FindSchemaDirectory(),
            Sources =
            {
                ["accounts"] = new SourceOptions { Name = "accounts", Kind = SourceKind.GraphQL, Url = accountsGraphQL.ToString() },
                ["content"] = new SourceOptions { Name = "content", Kind = SourceKind.Rest, Url = contentBase.ToString() },
            },
        });
        // The oracle knows nothing of @authorize: compare the data path with every rule allowed.
        Gateway.Authorizer = AllowAllAuthorizer.Instance;
        Oracle = new DifferentialOracle(Gateway.PublicSdl, contentBase, accountsGraphQL);
    }

    public async Task DisposeAsync()
    {
        Oracle?.Dispose();
        Gateway?.Dispose();
        foreach (var app in new[] { _accounts, _content })
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>The gateway's answer: its HTTP status and the response JSON exactly as written.</summary>
    public async Task<(int Status, string Json)> RunGatewayAsync(string query, string? variablesJson, string? operationName = null)
    {
        using var variables = variablesJson is null ? null : JsonDocument.Parse(variablesJson);
        var output = new ArrayBufferWriter<byte>();
        var result = await Gateway.ExecuteAsync(
            new GatewayRequest
            {
                Query = query,
                OperationName = operationName,
                Variables = variables?.RootElement ?? default,
            },
            RequestContext.Anonymous,
            output,
            CancellationToken.None);
        return (result.StatusCode, Encoding.UTF8.GetString(output.WrittenSpan));
    }

    internal Task<string> RunOracleAsync(string query, string? variablesJson, string? operationName = null) =>
        Oracle.ExecuteAsync(query, variablesJson, operationName);

    private static string FindSchemaDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "schema");
            if (Directory.Exists(Path.Combine(candidate, "sources")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No folder holding schema/sources above " + AppContext.BaseDirectory);
    }
}
