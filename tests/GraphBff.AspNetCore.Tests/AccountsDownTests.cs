using GraphBff.AspNetCore.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace GraphBff.AspNetCore.Tests;

public sealed class AccountsDownTests(AccountsDownFixture fixture) : IClassFixture<AccountsDownFixture>
{
    [Fact]
    public async Task Every_post_keeps_its_data_with_author_null_and_one_error_per_path()
    {
        var exchange = await GatewayExchange.PostAsync(fixture, "{ posts(limit: 3) { id title author { name } } }");

        Assert.Equal(200, exchange.Status);
        var posts = exchange.Data["posts"]!;
        Assert.Equal(3, posts.Count());
        Assert.All(posts, static p => Assert.Equal(Newtonsoft.Json.Linq.JTokenType.Null, p["author"]!.Type));
        Assert.All(posts, static p => Assert.NotNull((string?)p["title"]));
        var errors = exchange.Errors!;
        Assert.Equal(3, errors.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal($"[\"posts\",{i},\"author\"]", errors[i]!["path"]!.ToString(Newtonsoft.Json.Formatting.None));
            Assert.Equal("UPSTREAM_UNAVAILABLE", (string?)errors[i]!["extensions"]!["code"]);
        }

        exchange.Snapshot.MatchSnapshot();
    }

    [Fact]
    public async Task Root_field_of_an_unreachable_source_is_null_with_an_error()
    {
        var exchange = await GatewayExchange.PostAsync(fixture, "{ user(id: \"1\") { name } }");

        Assert.Equal(200, exchange.Status);
        Assert.Equal(Newtonsoft.Json.Linq.JTokenType.Null, exchange.Data["user"]!.Type);
        Assert.Equal("UPSTREAM_UNAVAILABLE", (string?)exchange.Errors![0]!["extensions"]!["code"]);
        Assert.DoesNotContain("127.0.0.1", exchange.Response!.ToString());
    }
}
