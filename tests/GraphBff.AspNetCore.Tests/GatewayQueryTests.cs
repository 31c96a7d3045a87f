using GraphBff.AspNetCore.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace GraphBff.AspNetCore.Tests;

public sealed class GatewayQueryTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Small_query_is_one_accounts_call()
    {
        var exchange = await GatewayExchange.PostAsync(fixture, "{ user(id: \"1\") { id name } }");

        Assert.Equal(200, exchange.Status);
        Assert.Equal("User 1", (string?)exchange.Data["user"]!["name"]);
        Assert.Single(exchange.Calls);
        exchange.Snapshot.MatchSnapshot();
    }

    [Fact]
    public async Task Rest_root_field_sends_its_argument_as_query_string()
    {
        var exchange = await GatewayExchange.PostAsync(fixture, "{ posts(limit: 3) { id title } }");

        Assert.Equal(3, exchange.Data["posts"]!.Count());
        Assert.Equal("/posts?limit=3", Assert.Single(exchange.Calls).Url);
        exchange.Snapshot.MatchSnapshot();
    }

    [Fact]
    public async Task Root_fields_of_both_sources_with_aliases_fragments_and_variables()
    {
        var exchange = await GatewayExchange.PostAsync(
            fixture,
            "query Q($id: ID!, $withEmail: Boolean!) { a: user(id: $id) { ...U } b: user(id: \"2\") { name email @include(if: $withEmail) } post(id: \"5\") { title __typename } __typename } fragment U on User { id name role }",
            new { id = "3", withEmail = false });

        Assert.Equal(200, exchange.Status);
        Assert.Null(exchange.Data["b"]!["email"]);
        Assert.Equal(2, exchange.Calls.Count);
        exchange.Snapshot.MatchSnapshot();
    }

    [Fact]
    public async Task Unknown_post_is_null_without_error()
    {
        var exchange = await GatewayExchange.PostAsync(fixture, "{ post(id: \"99999\") { id title } }");

        Assert.Equal(200, exchange.Status);
        Assert.Equal(Newtonsoft.Json.Linq.JTokenType.Null, exchange.Data["post"]!.Type);
        Assert.Null(exchange.Errors);
    }

    [Fact]
    public async Task Introspection_answers_from_the_composed_schema_without_upstream_calls()
    {
        var exchange = await GatewayExchange.PostAsync(fixture, "{ __type(name: \"Post\") { name fields { name } } }");

        Assert.Equal(200, exchange.Status);
        Assert.Empty(exchange.Calls);
        var fields = exchange.Data["__type"]!["fields"]!.Select(static f => (string)f["name"]!).ToList();
        Assert.Contains("author", fields);
        Assert.DoesNotContain("authorId", fields);
    }

    [Fact]
    public async Task Graphql_response_media_type_is_used_when_accepted()
    {
        fixture.Recorder.Clear();
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.GatewayUri)
        {
            Content = new StringContent("{\"query\":\"{ user(id: \\\"1\\\") { id } }\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"id\":\"1\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_request_runs_a_query()
    {
        var url = fixture.GatewayUri + "?query=" + Uri.EscapeDataString("query($id: ID!) { user(id: $id) { name } }") +
                  "&variables=" + Uri.EscapeDataString("{\"id\":\"7\"}");
        var text = await fixture.Client.GetStringAsync(url);

        Assert.Equal("{\"data\":{\"user\":{\"name\":\"User 7\"}}}", text);
    }
}
