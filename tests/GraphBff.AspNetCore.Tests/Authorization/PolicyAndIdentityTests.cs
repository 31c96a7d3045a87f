using System.Security.Claims;
using GraphBff.AspNetCore.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;

namespace GraphBff.AspNetCore.Tests.Authorization;

public sealed class PolicyAndIdentityTests(PolicyGatewayFixture fixture) : IClassFixture<PolicyGatewayFixture>
{
    private string TokenWithPlan(string sub, string plan)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = JwksServer.Issuer,
            Audience = JwksServer.Audience,
            Expires = now.AddMinutes(5),
            Subject = new ClaimsIdentity([new Claim("sub", sub), new Claim("plan", plan)]),
            SigningCredentials = new SigningCredentials(fixture.Jwks.PublishedKey, SecurityAlgorithms.RsaSha256),
        });
    }

    [Fact]
    public async Task Policy_added_in_csharp_is_evaluated_through_the_authorization_service()
    {
        var pro = await GatewayExchange.PostAsync(fixture, "{ post(id: \"3\") { body } }", token: TokenWithPlan("7", "pro"));
        var free = await GatewayExchange.PostAsync(fixture, "{ post(id: \"3\") { title body } }", token: TokenWithPlan("7", "free"));

        Assert.Equal("Body of post 3.", (string?)pro.Data["post"]!["body"]);
        Assert.Equal(JTokenType.Null, free.Data["post"]!.Type);
        Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)free.Errors![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Identity_reaches_accounts_as_configured_per_source()
    {
        var token = fixture.Jwks.Token("7", ["reader"]);
        var exchange = await GatewayExchange.PostAsync(fixture, "{ user(id: \"1\") { name } posts(limit: 1) { id } }", token: token);

        var accounts = Assert.Single(exchange.Calls, static c => c.Source == "accounts");
        Assert.Equal("7", accounts.Headers["x-user-id"]);
        Assert.Equal("Bearer " + token, accounts.Headers["authorization"]);
        var content = Assert.Single(exchange.Calls, static c => c.Source == "content");
        Assert.False(content.Headers.ContainsKey("authorization"));
        Assert.False(content.Headers.ContainsKey("x-user-id"));
    }

    [Fact]
    public async Task Anonymous_calls_carry_no_identity()
    {
        var exchange = await GatewayExchange.PostAsync(fixture, "{ user(id: \"1\") { name } }");

        Assert.False(Assert.Single(exchange.Calls).Headers.ContainsKey("x-user-id"));
    }

    [Theory]
    [InlineData(null, "id name posts role")]
    [InlineData("reader", "email id name posts role")]
    [InlineData("editor", "company email id name posts role")]
    public async Task Introspection_shows_only_what_the_caller_may_read(string? role, string fields)
    {
        var token = role is null ? null : fixture.Jwks.Token("7", [role]);
        var exchange = await GatewayExchange.PostAsync(fixture, "{ __type(name: \"User\") { fields { name } } }", token: token);

        var names = exchange.Data["__type"]!["fields"]!.Select(static f => (string)f["name"]!).Order(StringComparer.Ordinal);
        Assert.Equal(fields, string.Join(" ", names));
    }
}
