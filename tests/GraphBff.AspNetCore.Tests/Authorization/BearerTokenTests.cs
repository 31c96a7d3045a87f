using GraphBff.AspNetCore.Tests.Infrastructure;

namespace GraphBff.AspNetCore.Tests.Authorization;

public sealed class BearerTokenTests(AuthGatewayFixture fixture) : IClassFixture<AuthGatewayFixture>
{
    private const string Query = "{ user(id: \"1\") { name } }";

    public static TheoryData<string> InvalidTokens() => ["bad signature", "expired", "wrong issuer", "wrong audience", "alg none", "unknown key", "garbage"];

    private string Make(string kind) => kind switch
    {
        "bad signature" => fixture.Jwks.Token("7", ["admin"], key: JwksServer.NewKey("key-1")),
        "expired" => fixture.Jwks.Token("7", ["admin"], lifetime: TimeSpan.FromMinutes(-5)),
        "wrong issuer" => fixture.Jwks.Token("7", ["admin"], issuer: "https://evil.test"),
        "wrong audience" => fixture.Jwks.Token("7", ["admin"], audience: "someone-else"),
        "alg none" => JwksServer.Unsigned("7"),
        "unknown key" => fixture.Jwks.Token("7", ["admin"], key: JwksServer.NewKey("never-published")),
        _ => "not.a.token",
    };

    [Theory]
    [MemberData(nameof(InvalidTokens))]
    public async Task Invalid_token_is_401_with_a_graphql_error_and_no_data(string kind)
    {
        var exchange = await GatewayExchange.PostAsync(fixture, Query, token: Make(kind));

        Assert.Equal(401, exchange.Status);
        Assert.Null(exchange.Response!["data"]);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)exchange.Errors![0]!["extensions"]!["code"]);
        Assert.Empty(exchange.Calls);
    }

    [Fact]
    public async Task Expired_token_says_so()
    {
        var exchange = await GatewayExchange.PostAsync(fixture, Query, token: Make("expired"));

        Assert.Contains("expired", (string?)exchange.Errors![0]!["message"]);
    }

    [Fact]
    public async Task Non_bearer_authorization_is_401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.GatewayUri)
        {
            Content = new StringContent("{\"query\":\"{ user(id: \\\"1\\\") { name } }\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz");
        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.DoesNotContain("\"data\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Valid_token_is_accepted()
    {
        var exchange = await GatewayExchange.PostAsync(fixture, Query, token: fixture.Jwks.Token("7", ["reader"]));

        Assert.Equal(200, exchange.Status);
        Assert.Equal("User 1", (string?)exchange.Data["user"]!["name"]);
    }
}
