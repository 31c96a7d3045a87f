using GraphBff.AspNetCore.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace GraphBff.AspNetCore.Tests;

public sealed class JoinTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Medium = "{ posts(limit: 20) { id title author { id name } comments { id text author { name } } } }";
    private const string Large = "{ posts(limit: 100) { id title body createdAt author { id name role posts { id title } } comments { id text author { id name } } } }";

    [Fact]
    public async Task Medium_query_is_one_posts_call_twenty_comment_calls_and_two_accounts_calls()
    {
        var exchange = await GatewayExchange.PostAsync(fixture, Medium);

        Assert.Equal(200, exchange.Status);
        Assert.Null(exchange.Errors);
        Assert.Single(exchange.Calls, static c => c.Url == "/posts?limit=20");
        Assert.Equal(20, exchange.Calls.Count(static c => c.Url.EndsWith("/comments", StringComparison.Ordinal)));
        Assert.Equal(2, exchange.Calls.Count(static c => c.Source == "accounts"));
        Assert.Equal(23, exchange.Calls.Count);
        Assert.Equal("User 1", (string?)exchange.Data["posts"]![0]!["author"]!["name"]);
        Assert.Equal("User 8", (string?)exchange.Data["posts"]![0]!["comments"]![0]!["author"]!["name"]);
        exchange.Snapshot.MatchSnapshot();
    }

    [Fact]
    public async Task Large_query_batches_each_level_into_one_accounts_call()
    {
        var exchange = await GatewayExchange.PostAsync(fixture, Large);

        Assert.Equal(200, exchange.Status);
        Assert.Null(exchange.Errors);
        Assert.Single(exchange.Calls, static c => c.Url == "/posts?limit=100");
        Assert.Equal(100, exchange.Calls.Count(static c => c.Url.EndsWith("/comments", StringComparison.Ordinal)));
        Assert.Equal(2, exchange.Calls.Count(static c => c.Source == "accounts"));

        // User.posts: one content call per distinct author (posts 1..100 have authors 1..100).
        Assert.Equal(100, exchange.Calls.Count(static c => c.Url.StartsWith("/users/", StringComparison.Ordinal)));
        Assert.Equal(10, exchange.Data["posts"]![0]!["author"]!["posts"]!.Count());
    }

    [Fact]
    public async Task Equal_keys_are_sent_once()
    {
        // Posts 1 and 101 share author 1: one alias for it in the accounts batch.
        var exchange = await GatewayExchange.PostAsync(fixture, "{ a: post(id: \"1\") { author { name } } b: post(id: \"101\") { author { name } } }");

        var accounts = exchange.Calls.Where(static c => c.Source == "accounts").ToList();
        Assert.Equal(2, accounts.Count); // one per root post: each root field is its own parent level
        Assert.All(accounts, static c => Assert.Contains("user(id: \\\"1\\\")", c.Body));
        Assert.Equal("User 1", (string?)exchange.Data["a"]!["author"]!["name"]);
        Assert.Equal("User 1", (string?)exchange.Data["b"]!["author"]!["name"]);
    }

    [Fact]
    public async Task Joins_nest_to_any_depth()
    {
        var exchange = await GatewayExchange.PostAsync(
            fixture,
            "{ user(id: \"2\") { name posts { id comments { author { name posts { id } } } } } }");

        Assert.Null(exchange.Errors);
        var comment = exchange.Data["user"]!["posts"]![0]!["comments"]![0]!;
        Assert.NotNull((string?)comment["author"]!["name"]);
        exchange.Snapshot.MatchSnapshot();
    }

    [Fact]
    public async Task Key_field_not_selected_is_fetched_but_not_returned()
    {
        var exchange = await GatewayExchange.PostAsync(fixture, "{ user(id: \"3\") { posts { title } } }");

        var accounts = Assert.Single(exchange.Calls, static c => c.Source == "accounts");
        Assert.Contains("_k_id: id", accounts.Body);
        Assert.Equal("{\"user\":{\"posts\":[", exchange.Response!.ToString(Newtonsoft.Json.Formatting.None)[8..26]);
        Assert.Null(exchange.Data["user"]!["id"]);
    }
}
