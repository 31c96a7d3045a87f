using System.Buffers;
using System.Security.Claims;
using System.Text;
using GraphBff.Samples.Content;

namespace GraphBff.Core.Tests.Execution;

/// <summary>$headers: and $claims: holes, against the real content upstream.</summary>
public sealed class TemplateVariableTests : IAsyncLifetime
{
    private Microsoft.AspNetCore.Builder.WebApplication _content = null!;
    private GraphBffGateway _gateway = null!;
    private string _schema = null!;

    public async Task InitializeAsync()
    {
        _content = ContentApp.Build("http://127.0.0.1:0");
        await _content.StartAsync();
        _schema = Directory.CreateTempSubdirectory("graphbff-templates").FullName;
        Directory.CreateDirectory(Path.Combine(_schema, "sources"));
        Directory.CreateDirectory(Path.Combine(_schema, "extensions"));
        File.Copy(Path.Combine(RepositoryPaths.SchemaDirectory, "sources", "content.graphql"), Path.Combine(_schema, "sources", "content.graphql"));
        await File.WriteAllTextAsync(Path.Combine(_schema, "extensions", "caller.graphql"), """
            extend type Query {
              postFromHeader: Post @delegate(source: "content", path: "post(id: $headers:x-post-id)")
              myPosts: [Post!]! @delegate(source: "content", path: "postsByAuthor(authorId: $claims:sub)")
            }
            """);
        _gateway = await GraphBffGateway.CreateAsync(new GraphBffOptions
        {
            SchemaDirectory = _schema,
            Sources = { ["content"] = new SourceOptions { Name = "content", Kind = SourceKind.Rest, Url = ContentApp.GetBaseAddress(_content).ToString() } },
        });
    }

    public async Task DisposeAsync()
    {
        _gateway.Dispose();
        await _content.DisposeAsync();
        Directory.Delete(_schema, recursive: true);
    }

    private async Task<string> RunAsync(string query, RequestContext context)
    {
        var output = new ArrayBufferWriter<byte>();
        await _gateway.ExecuteAsync(new GatewayRequest { Query = query }, context, output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    [Fact]
    public async Task Header_hole_takes_the_client_request_header()
    {
        var context = new RequestContext { GetHeader = static name => name == "x-post-id" ? "42" : null };

        Assert.Equal("{\"data\":{\"postFromHeader\":{\"title\":\"Post 42\"}}}", await RunAsync("{ postFromHeader { title } }", context));
        Assert.Equal("{\"data\":{\"postFromHeader\":null}}", await RunAsync("{ postFromHeader { title } }", RequestContext.Anonymous));
    }

    [Fact]
    public async Task Claim_hole_takes_the_callers_claim()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "7")], "test"));
        var response = await RunAsync("{ myPosts { id } }", new RequestContext { User = user });

        Assert.StartsWith("{\"data\":{\"myPosts\":[{\"id\":\"7\"},{\"id\":\"107\"}", response);
    }
}
