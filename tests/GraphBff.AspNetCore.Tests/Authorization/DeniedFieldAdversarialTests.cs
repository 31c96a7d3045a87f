using GraphBff.AspNetCore.Tests.Infrastructure;

namespace GraphBff.AspNetCore.Tests.Authorization;

/// <summary>Every way to reach a denied field: none returns its value, and no upstream request ever names it.</summary>
public sealed class DeniedFieldAdversarialTests(AuthGatewayFixture fixture) : IClassFixture<AuthGatewayFixture>
{
    public static TheoryData<string, string, string?> Attempts => new()
    {
        { "alias", "{ user(id: \"8\") { name c: company } }", null },
        { "repeated", "{ user(id: \"8\") { company company name company } }", null },
        { "two aliases", "{ a: user(id: \"8\") { x: company } b: user(id: \"2\") { y: company } }", null },
        { "named fragment", "{ user(id: \"8\") { ...F } } fragment F on User { name company }", null },
        { "nested fragments", "{ user(id: \"8\") { ...A } } fragment A on User { ...B } fragment B on User { company }", null },
        { "inline fragment", "{ user(id: \"8\") { ... on User { company } } }", null },
        { "inline fragment without type", "{ user(id: \"8\") { ... { company } } }", null },
        { "include with variable", "query($yes: Boolean!) { user(id: \"8\") { company @include(if: $yes) } }", null },
        { "skip false", "{ user(id: \"8\") { company @skip(if: false) } }", null },
        { "join", "{ post(id: \"8\") { author { name company } } }", null },
        { "deep join", "{ posts(limit: 3) { comments { author { company posts { author { company } } } } } }", null },
        { "join through User.posts", "{ user(id: \"8\") { posts { author { company } } } }", null },
        { "me", "{ me { company } }", null },
        { "second operation", "query A { posts(limit: 1) { id } } query B { user(id: \"8\") { company } }", "B" },
    };

    [Theory]
    [MemberData(nameof(Attempts))]
    public async Task Company_never_leaves_the_gateway_for_a_reader(string name, string query, string? operationName)
    {
        var exchange = await GatewayExchange.PostAsync(
            fixture, query, new { yes = true }, token: fixture.Jwks.Token("7", ["reader"]), operationName: operationName);

        AssertDenied(exchange, name, "company", "Company ");
    }

    [Theory]
    [MemberData(nameof(Attempts))]
    public async Task Company_never_leaves_the_gateway_for_an_anonymous_caller(string name, string query, string? operationName)
    {
        var exchange = await GatewayExchange.PostAsync(fixture, query, new { yes = true }, operationName: operationName);

        AssertDenied(exchange, name, "company", "Company ");
    }

    [Theory]
    [InlineData("{ user(id: \"8\") { e: email } }")]
    [InlineData("{ user(id: \"8\") { ...F } } fragment F on User { email }")]
    [InlineData("{ posts(limit: 5) { author { email } comments { author { email } } } }")]
    [InlineData("query($yes: Boolean!) { user(id: \"8\") { ... on User { email @include(if: $yes) } } }")]
    public async Task Email_is_never_requested_for_an_anonymous_caller(string query)
    {
        var exchange = await GatewayExchange.PostAsync(fixture, query, new { yes = true });

        AssertDenied(exchange, query, "email", "@example.com");
    }

    private static void AssertDenied(GatewayExchange exchange, string name, string field, string valueMarker)
    {
        Assert.True(exchange.Status is 200, $"{name}: status {exchange.Status}");
        Assert.DoesNotContain(valueMarker, exchange.Response!.ToString(), StringComparison.Ordinal);
        Assert.NotNull(exchange.Errors);
        Assert.All(exchange.Errors!, e => Assert.StartsWith("AUTH_NOT_", (string?)e!["extensions"]!["code"], StringComparison.Ordinal));
        foreach (var call in exchange.Calls)
        {
            Assert.DoesNotContain(field, call.Body ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain(field, call.Url, StringComparison.Ordinal);
        }
    }
}
