using System.Text;
using GraphBff.AspNetCore.Tests.Infrastructure;

namespace GraphBff.AspNetCore.Tests.Transport.Http;

public sealed class BadInputTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private async Task<(int Status, string Body)> PostRawAsync(string body, string contentType = "application/json", string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.GatewayUri)
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await fixture.Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task AssertServerStillAnswers()
    {
        var (status, body) = await PostRawAsync("{\"query\":\"{ user(id: \\\"1\\\") { id } }\"}");
        Assert.Equal(200, status);
        Assert.Equal("{\"data\":{\"user\":{\"id\":\"1\"}}}", body);
    }

    [Theory]
    [InlineData("{\"query\": ", "not valid JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("\"just a string\"", "must be a JSON object")]
    [InlineData("{\"query\": 42}", "'query' must be a string")]
    [InlineData("{\"query\": \"{ user(id: 1) { id } }\", \"variables\": [1]}", "'variables' must be an object")]
    [InlineData("{}", "has no query")]
    public async Task Malformed_body_is_a_400_with_a_graphql_error(string body, string message)
    {
        var (status, text) = await PostRawAsync(body);

        Assert.Equal(400, status);
        Assert.StartsWith("{\"errors\":[{\"message\":", text);
        Assert.Contains(message, text);
        await AssertServerStillAnswers();
    }

    [Fact]
    public async Task One_megabyte_document_is_rejected_as_too_large()
    {
        var query = "{ " + string.Concat(Enumerable.Repeat("user(id: \"1\") { id } ", 1024 * 1024 / 20)) + "}";
        var (status, text) = await PostRawAsync(Newtonsoft.Json.JsonConvert.SerializeObject(new { query }));

        Assert.Equal(413, status);
        Assert.Contains("REQUEST_TOO_LARGE", text);
        await AssertServerStillAnswers();
    }

    [Fact]
    public async Task Five_hundred_deep_nesting_is_rejected()
    {
        var query = "{ " + string.Concat(Enumerable.Repeat("posts { author { ", 250)) + "id" + new string('}', 500) + " }";
        var (status, text) = await PostRawAsync(Newtonsoft.Json.JsonConvert.SerializeObject(new { query }));

        Assert.Equal(400, status);
        Assert.Contains("nested too deeply", text);
        await AssertServerStillAnswers();
    }

    [Fact]
    public async Task Deep_but_parseable_nesting_is_rejected_by_the_depth_limit()
    {
        var query = "{ " + string.Concat(Enumerable.Repeat("posts { author { ", 20)) + "id" + new string('}', 40) + " }";
        var (status, text) = await PostRawAsync(Newtonsoft.Json.JsonConvert.SerializeObject(new { query }));

        Assert.Equal(400, status);
        Assert.Contains("at most 32 are accepted", text);
    }

    [Fact]
    public async Task Unknown_field_is_a_validation_error_with_location()
    {
        var (status, text) = await PostRawAsync("{\"query\":\"{ user(id: \\\"1\\\") { id nickname } }\"}");

        Assert.Equal(400, status);
        Assert.Contains("Cannot query field 'nickname' on type 'User'", text);
        Assert.Contains("\"locations\":[{\"line\":1,\"column\":22}]", text);
        Assert.Contains("GRAPHQL_VALIDATION_FAILED", text);
    }

    [Fact]
    public async Task Syntax_error_is_a_parse_error_with_location()
    {
        var (status, text) = await PostRawAsync("{\"query\":\"{ user(id: ) }\"}");

        Assert.Equal(400, status);
        Assert.Contains("GRAPHQL_PARSE_FAILED", text);
        Assert.Contains("\"line\":1", text);
    }

    [Theory]
    [InlineData("{\"limit\": \"ten\"}", "expected type 'Int'")]
    [InlineData("{\"limit\": 1.5}", "expected type 'Int'")]
    [InlineData("{\"limit\": 99999999999}", "expected type 'Int'")]
    public async Task Wrong_variable_type_is_a_400(string variables, string message)
    {
        var (status, text) = await PostRawAsync("{\"query\":\"query($limit: Int) { posts(limit: $limit) { id } }\",\"variables\":" + variables + "}");

        Assert.Equal(400, status);
        Assert.Contains(message, text);
        Assert.Contains("BAD_USER_INPUT", text);
    }

    [Fact]
    public async Task Missing_required_variable_is_a_400()
    {
        var (status, text) = await PostRawAsync("{\"query\":\"query($id: ID!) { user(id: $id) { id } }\"}");

        Assert.Equal(400, status);
        Assert.Contains("Variable '$id' of required type 'ID!' was not provided", text);
    }

    [Fact]
    public async Task Operation_name_selects_the_operation()
    {
        var body = "{\"query\":\"query A { user(id: \\\"1\\\") { name } } query B { user(id: \\\"2\\\") { name } }\",\"operationName\":\"B\"}";
        var (status, text) = await PostRawAsync(body);
        Assert.Equal(200, status);
        Assert.Equal("{\"data\":{\"user\":{\"name\":\"User 2\"}}}", text);

        var (missingStatus, missing) = await PostRawAsync("{\"query\":\"query A { user(id: \\\"1\\\") { name } } query B { user(id: \\\"2\\\") { name } }\"}");
        Assert.Equal(400, missingStatus);
        Assert.Contains("operationName", missing);
    }

    [Fact]
    public async Task Unsupported_content_type_is_415()
    {
        var (status, text) = await PostRawAsync("{ user(id: \"1\") { id } }", "text/plain");

        Assert.Equal(415, status);
        Assert.Contains("Content-Type must be application/json", text);
    }

    [Fact]
    public async Task Unacceptable_accept_header_is_406()
    {
        var (status, _) = await PostRawAsync("{\"query\":\"{ user(id: \\\"1\\\") { id } }\"}", accept: "application/xml");

        Assert.Equal(406, status);
    }

    [Fact]
    public async Task Other_methods_are_405_with_allow_header()
    {
        using var response = await fixture.Client.PutAsync(fixture.GatewayUri, new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(405, (int)response.StatusCode);
        Assert.Equal("GET, POST", response.Content.Headers.Allow.Count > 0 ? string.Join(", ", response.Content.Headers.Allow) : string.Join(", ", response.Headers.GetValues("Allow")));
    }

    [Fact]
    public async Task Subscription_over_plain_http_is_refused()
    {
        var (status, text) = await PostRawAsync("{\"query\":\"subscription { userUpdated { id } }\"}");

        Assert.Equal(400, status);
        Assert.Contains("WebSocket", text);
    }
}
