using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text;
using GraphBff.Authorization;
using GraphBff.Samples.Content;

namespace GraphBff.Core.Tests.Authorization;

/// <summary>@authorize semantics on a REST source: type-level rules, @allowAnonymous, VALIDATION and AFTER_RESOLVER.</summary>
public sealed class FieldAuthorizationTests : IAsyncLifetime
{
    private const string Sdl = """
        type Post {
          id: ID!
          title: String!
          body: String! @authorize(policy: "author", apply: AFTER_RESOLVER)
          authorId: ID!
          comments: [Comment!]! @http(path: "/posts/{$fields:id}/comments")
          publicComments: [Comment!]! @allowAnonymous @http(path: "/posts/{$fields:id}/comments")
        }

        type Comment @authorize(roles: ["moderator"]) {
          id: ID!
          text: String!
        }

        type Query {
          post(id: ID!): Post @http(path: "/posts/{$arguments:id}")
          auditedPost(id: ID!): Post @authorize(roles: ["auditor"], apply: VALIDATION) @http(path: "/posts/{$arguments:id}")
        }
        """;

    private readonly ConcurrentQueue<string> _calls = new();
    private Microsoft.AspNetCore.Builder.WebApplication _content = null!;
    private GraphBffGateway _gateway = null!;
    private string _schema = null!;

    public async Task InitializeAsync()
    {
        _content = ContentApp.Build("http://127.0.0.1:0");
        await _content.StartAsync();
        _schema = Directory.CreateTempSubdirectory("graphbff-authz").FullName;
        Directory.CreateDirectory(Path.Combine(_schema, "sources"));
        await File.WriteAllTextAsync(Path.Combine(_schema, "sources", "content.graphql"), Sdl);
        _gateway = await GraphBffGateway.CreateAsync(
            new GraphBffOptions
            {
                SchemaDirectory = _schema,
                Sources = { ["content"] = new SourceOptions { Name = "content", Kind = SourceKind.Rest, Url = ContentApp.GetBaseAddress(_content).ToString() } },
            },
            handlerFactory: _ => new Recorder(_calls));
        _gateway.Authorizer = new TestAuthorizer();
    }

    public async Task DisposeAsync()
    {
        _gateway.Dispose();
        await _content.DisposeAsync();
        Directory.Delete(_schema, recursive: true);
    }

    private static ClaimsPrincipal User(string sub, params string[] roles) =>
        new(new ClaimsIdentity([new Claim("sub", sub), .. roles.Select(static r => new Claim(ClaimTypes.Role, r))], "test"));

    private async Task<(int Status, string Body)> RunAsync(string query, ClaimsPrincipal? user = null)
    {
        _calls.Clear();
        var output = new ArrayBufferWriter<byte>();
        var result = await _gateway.ExecuteAsync(new GatewayRequest { Query = query }, new RequestContext { User = user }, output);
        return (result.StatusCode, Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public async Task Type_level_rule_guards_every_field_returning_the_type()
    {
        var (_, body) = await RunAsync("{ post(id: \"1\") { title comments { text } } }", User("1", "reader"));

        Assert.Equal(
            "{\"data\":{\"post\":null},\"errors\":[{\"message\":\"The caller may not read Post.comments.\",\"locations\":[{\"line\":1,\"column\":25}],\"path\":[\"post\",\"comments\"],\"extensions\":{\"code\":\"AUTH_NOT_AUTHORIZED\"}}]}",
            body);
        Assert.DoesNotContain(_calls, static c => c.Contains("/comments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Role_in_the_rule_lets_the_field_through()
    {
        var (_, body) = await RunAsync("{ post(id: \"1\") { comments { text } } }", User("1", "moderator"));

        Assert.StartsWith("{\"data\":{\"post\":{\"comments\":[{\"text\":\"Comment 1 on post 1\"}", body);
    }

    [Fact]
    public async Task Allow_anonymous_field_is_not_guarded_by_the_type_rule()
    {
        var (_, body) = await RunAsync("{ post(id: \"1\") { publicComments { text } } }");

        Assert.StartsWith("{\"data\":{\"post\":{\"publicComments\":[{\"text\":\"Comment 1 on post 1\"}", body);
        Assert.DoesNotContain("errors", body);
    }

    [Fact]
    public async Task Validation_rule_rejects_the_whole_operation_before_any_fetch()
    {
        var (status, body) = await RunAsync("{ post(id: \"2\") { title } auditedPost(id: \"1\") { title } }", User("1", "reader"));

        Assert.Equal(403, status);
        Assert.DoesNotContain("data", body);
        Assert.Contains("AUTH_NOT_AUTHORIZED", body);
        Assert.Empty(_calls);

        var (anonymousStatus, anonymous) = await RunAsync("{ auditedPost(id: \"1\") { title } }");
        Assert.Equal(401, anonymousStatus);
        Assert.Contains("AUTH_NOT_AUTHENTICATED", anonymous);

        var (auditorStatus, auditor) = await RunAsync("{ auditedPost(id: \"1\") { title } }", User("1", "auditor"));
        Assert.Equal(200, auditorStatus);
        Assert.Equal("{\"data\":{\"auditedPost\":{\"title\":\"Post 1\"}}}", auditor);
    }

    [Fact]
    public async Task After_resolver_rule_decides_with_the_parents_data_even_when_the_key_is_not_selected()
    {
        // Post 5's authorId is 5.
        var (_, own) = await RunAsync("{ post(id: \"5\") { title body } }", User("5"));
        Assert.Equal("{\"data\":{\"post\":{\"title\":\"Post 5\",\"body\":\"Body of post 5.\"}}}", own);

        var (_, other) = await RunAsync("{ post(id: \"5\") { title body } }", User("6"));
        Assert.Equal(
            "{\"data\":{\"post\":null},\"errors\":[{\"message\":\"The caller may not read Post.body.\",\"locations\":[{\"line\":1,\"column\":25}],\"path\":[\"post\",\"body\"],\"extensions\":{\"code\":\"AUTH_NOT_AUTHORIZED\"}}]}",
            other);
    }

    private sealed class TestAuthorizer : IGraphBffAuthorizer
    {
        public ValueTask<bool> AuthorizeAsync(ClaimsPrincipal user, AuthorizeRule rule, FieldResource? resource)
        {
            if (user.Identity?.IsAuthenticated != true)
            {
                return ValueTask.FromResult(false);
            }

            if (rule.Policy == "author")
            {
                return ValueTask.FromResult(resource is not null && resource.GetField("authorId") == user.FindFirst("sub")?.Value);
            }

            return ValueTask.FromResult(rule.Roles is not { Count: > 0 } roles || roles.Any(user.IsInRole));
        }

        public IReadOnlyList<string> ResourceFields(AuthorizeRule rule) => rule.Policy == "author" ? ["authorId"] : [];
    }

    private sealed class Recorder(ConcurrentQueue<string> calls) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            calls.Enqueue(request.RequestUri!.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
