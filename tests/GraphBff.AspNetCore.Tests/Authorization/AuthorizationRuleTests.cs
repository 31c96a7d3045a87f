using GraphBff.AspNetCore.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace GraphBff.AspNetCore.Tests.Authorization;

/// <summary>SCENARIO.md's rules for anonymous, reader, the user themself, editor and admin, with real signed tokens.</summary>
public sealed class AuthorizationRuleTests(AuthGatewayFixture fixture) : IClassFixture<AuthGatewayFixture>
{
    private string? TokenFor(string caller) => caller switch
    {
        "anonymous" => null,
        "reader" => fixture.Jwks.Token("7", ["reader"]),
        "self" => fixture.Jwks.Token("8", ["reader"]),
        "editor" => fixture.Jwks.Token("9", ["editor"]),
        "admin" => fixture.Jwks.Token("10", ["admin"]),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    private static string? Code(GatewayExchange exchange) => (string?)exchange.Errors?.FirstOrDefault()?["extensions"]?["code"];

    [Theory]
    [InlineData("anonymous", null, "AUTH_NOT_AUTHENTICATED")]
    [InlineData("reader", null, "AUTH_NOT_AUTHORIZED")]
    [InlineData("self", null, "AUTH_NOT_AUTHORIZED")]
    [InlineData("editor", "Company H", null)]
    [InlineData("admin", "Company H", null)]
    public async Task Company_is_for_staff(string caller, string? company, string? code)
    {
        var exchange = await GatewayExchange.PostAsync(fixture, "{ user(id: \"8\") { name company } }", token: TokenFor(caller));

        Assert.Equal(200, exchange.Status);
        Assert.Equal("User 8", (string?)exchange.Data["user"]!["name"]);
        Assert.Equal(company, (string?)exchange.Data["user"]!["company"]);
        Assert.Equal(code, Code(exchange));
        if (company is null)
        {
            Assert.Equal("[\"user\",\"company\"]", exchange.Errors![0]!["path"]!.ToString(Newtonsoft.Json.Formatting.None));
            Assert.All(exchange.Calls, static c => Assert.DoesNotContain("company", c.Body ?? "", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("anonymous", false, "AUTH_NOT_AUTHENTICATED")]
    [InlineData("reader", false, "AUTH_NOT_AUTHORIZED")]
    [InlineData("self", true, null)]
    [InlineData("editor", false, "AUTH_NOT_AUTHORIZED")]
    [InlineData("admin", true, null)]
    public async Task Email_is_for_the_user_themself_or_an_admin(string caller, bool allowed, string? code)
    {
        var exchange = await GatewayExchange.PostAsync(fixture, "{ user(id: \"8\") { name email } }", token: TokenFor(caller));

        Assert.Equal(200, exchange.Status);
        if (allowed)
        {
            Assert.Equal("user8@example.com", (string?)exchange.Data["user"]!["email"]);
            Assert.Null(exchange.Errors);
        }
        else
        {
            // email is String!: its null propagates to the nullable user.
            Assert.Equal(JTokenType.Null, exchange.Data["user"]!.Type);
            Assert.Equal(code, Code(exchange));
            Assert.Equal("[\"user\",\"email\"]", exchange.Errors![0]!["path"]!.ToString(Newtonsoft.Json.Formatting.None));
            Assert.DoesNotContain("user8@example.com", exchange.Response!.ToString());
        }

        if (caller == "anonymous")
        {
            // BEFORE_RESOLVER: an anonymous caller's request never asks for it.
            Assert.All(exchange.Calls, static c => Assert.DoesNotContain("email", c.Body ?? "", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("anonymous", null, "AUTH_NOT_AUTHENTICATED")]
    [InlineData("reader", "7", null)]
    [InlineData("self", "8", null)]
    [InlineData("editor", "9", null)]
    [InlineData("admin", "10", null)]
    public async Task Me_is_the_callers_own_user(string caller, string? id, string? code)
    {
        var exchange = await GatewayExchange.PostAsync(fixture, "{ me { id name } }", token: TokenFor(caller));

        Assert.Equal(200, exchange.Status);
        Assert.Equal(id, exchange.Data["me"] is JObject me ? (string?)me["id"] : null);
        Assert.Equal(code, Code(exchange));
        if (id is null)
        {
            Assert.Empty(exchange.Calls);
        }
    }

    [Fact]
    public async Task Everything_else_is_anonymous()
    {
        var exchange = await GatewayExchange.PostAsync(fixture, "{ posts(limit: 2) { title author { name role } comments { text } } }");

        Assert.Null(exchange.Errors);
        Assert.Equal("User 1", (string?)exchange.Data["posts"]![0]!["author"]!["name"]);
    }

    [Fact]
    public async Task Reader_reading_own_email_and_others_company_is_snapshotted()
    {
        var exchange = await GatewayExchange.PostAsync(
            fixture,
            "{ me { id email company } user(id: \"8\") { name company } }",
            token: TokenFor("reader"));

        Assert.Equal("user7@example.com", (string?)exchange.Data["me"]!["email"]);
        exchange.Snapshot.MatchSnapshot();
    }
}
