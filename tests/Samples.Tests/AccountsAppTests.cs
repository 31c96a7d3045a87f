using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GraphBff.Samples.Accounts;

namespace GraphBff.Samples.Tests;

public sealed class AccountsAppTests(AccountsServerFixture server) : IClassFixture<AccountsServerFixture>
{
    private const string IntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name }
            mutationType { name }
            subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
        """;

    [Fact]
    public void GetBaseAddress_ReturnsTheBoundLoopbackPort()
    {
        Assert.Equal("http://127.0.0.1:4001", AccountsApp.DefaultUrl);
        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        Assert.NotEqual(0, server.BaseAddress.Port);
    }

    [Fact]
    public async Task User_ById_ReturnsTheDeterministicUser()
    {
        using var json = await PostAsync("""{ a: user(id: "3") { id name email company role } b: user(id: "4") { id company role } }""");

        var data = json.RootElement.GetProperty("data");
        Assert.False(json.RootElement.TryGetProperty("errors", out _));
        var a = data.GetProperty("a");
        Assert.Equal("3", a.GetProperty("id").GetString());
        Assert.Equal("User 3", a.GetProperty("name").GetString());
        Assert.Equal("user3@example.com", a.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, a.GetProperty("company").ValueKind);
        Assert.Equal("author", a.GetProperty("role").GetString());
        var b = data.GetProperty("b");
        Assert.Equal("Company D", b.GetProperty("company").GetString());
        Assert.Equal("reader", b.GetProperty("role").GetString());
    }

    [Fact]
    public async Task User_Unknown_IsNull()
    {
        using var json = await PostAsync("""{ user(id: "201") { id } }""");

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("data").GetProperty("user").ValueKind);
        Assert.False(json.RootElement.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task UsersByIds_KeepsTheRequestedOrderWithNullsForUnknownIds()
    {
        using var json = await PostAsync(
            "query Q($ids: [ID!]!) { usersByIds(ids: $ids) { id name } }",
            variables: new Dictionary<string, object> { ["ids"] = new[] { "7", "nope", "1", "300", "200" } });

        var users = json.RootElement.GetProperty("data").GetProperty("usersByIds").EnumerateArray().ToArray();
        Assert.Equal(5, users.Length);
        Assert.Equal("7", users[0].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, users[1].ValueKind);
        Assert.Equal("1", users[2].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, users[3].ValueKind);
        Assert.Equal("User 200", users[4].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Me_WithUserIdHeader_IsThatUser()
    {
        using var json = await PostAsync("{ me { id name role } }", userId: "42");

        var me = json.RootElement.GetProperty("data").GetProperty("me");
        Assert.Equal("42", me.GetProperty("id").GetString());
        Assert.Equal("User 42", me.GetProperty("name").GetString());
        Assert.Equal("editor", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Me_WithoutUserIdHeader_IsNull()
    {
        using var json = await PostAsync("{ me { id } }");

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("data").GetProperty("me").ValueKind);
    }

    [Fact]
    public async Task Introspection_ReturnsTheSchemaTypesAndFields()
    {
        using var json = await PostAsync(IntrospectionQuery, operationName: "IntrospectionQuery");

        Assert.False(json.RootElement.TryGetProperty("errors", out _));
        var schema = json.RootElement.GetProperty("data").GetProperty("__schema");
        Assert.Equal("Query", schema.GetProperty("queryType").GetProperty("name").GetString());
        Assert.Equal("Subscription", schema.GetProperty("subscriptionType").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, schema.GetProperty("mutationType").ValueKind);

        var types = schema.GetProperty("types").EnumerateArray().ToDictionary(type => type.GetProperty("name").GetString()!);
        Assert.Contains("ID", types.Keys);
        Assert.Equal(
            ["id: ID!", "name: String!", "email: String!", "company: String", "role: String!"],
            Fields(types["User"]));
        Assert.Equal(
            ["user: User", "usersByIds: [User]!", "me: User"],
            Fields(types["Query"]));
        Assert.Equal(["userUpdated: User"], Fields(types["Subscription"]));

        var usersByIds = types["Query"].GetProperty("fields").EnumerateArray().Single(field => field.GetProperty("name").GetString() == "usersByIds");
        var ids = Assert.Single(usersByIds.GetProperty("args").EnumerateArray());
        Assert.Equal("ids", ids.GetProperty("name").GetString());
        Assert.Equal("[ID!]!", TypeRef(ids.GetProperty("type")));
    }

    [Fact]
    public async Task UnknownField_IsReportedInTheErrorsArray()
    {
        using var response = await SendAsync("{ nope }");

        using var json = await ReadJsonAsync(response);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Contains("nope", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(json.RootElement.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task SyntaxError_IsReportedInTheErrorsArray()
    {
        using var json = await PostAsync("{ user(id: \"1\") { id ");

        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task MalformedJsonBody_Is400WithGraphQLErrors()
    {
        using var content = new StringContent("{\"query\":", Encoding.UTF8, "application/json");
        using var response = await server.Client.PostAsync("/graphql", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        Assert.NotEmpty(json.RootElement.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task Get_WithQueryStringParameters_Executes()
    {
        var query = Uri.EscapeDataString("query Q($id: ID!) { user(id: $id) { email } }");
        var variables = Uri.EscapeDataString("""{"id":"9"}""");
        using var response = await server.Client.GetAsync($"/graphql?query={query}&operationName=Q&variables={variables}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        Assert.Equal("user9@example.com", json.RootElement.GetProperty("data").GetProperty("user").GetProperty("email").GetString());
    }

    [Fact]
    public async Task RepeatedQuery_WithDifferentVariables_UsesTheVariablesEachTime()
    {
        // The second request hits the document cache; variables must still be applied.
        const string query = "query Q($id: ID!) { user(id: $id) { id } }";
        using var first = await PostAsync(query, variables: new Dictionary<string, object> { ["id"] = "10" });
        using var second = await PostAsync(query, variables: new Dictionary<string, object> { ["id"] = "11" });
        using var missing = await PostAsync(query);

        Assert.Equal("10", first.RootElement.GetProperty("data").GetProperty("user").GetProperty("id").GetString());
        Assert.Equal("11", second.RootElement.GetProperty("data").GetProperty("user").GetProperty("id").GetString());
        Assert.NotEmpty(missing.RootElement.GetProperty("errors").EnumerateArray());
    }

    private async Task<JsonDocument> PostAsync(
        string query,
        string? operationName = null,
        Dictionary<string, object>? variables = null,
        string? userId = null)
    {
        using var response = await SendAsync(query, operationName, variables, userId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await ReadJsonAsync(response);
    }

    private async Task<HttpResponseMessage> SendAsync(
        string query,
        string? operationName = null,
        Dictionary<string, object>? variables = null,
        string? userId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, operationName, variables }),
        };
        if (userId is not null)
        {
            request.Headers.Add("x-user-id", userId);
        }

        return await server.Client.SendAsync(request);
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response) =>
        await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());

    private static IEnumerable<string> Fields(JsonElement type) =>
        type.GetProperty("fields").EnumerateArray()
            .Select(field => field.GetProperty("name").GetString() + ": " + TypeRef(field.GetProperty("type")));

    private static string TypeRef(JsonElement type) => type.GetProperty("kind").GetString() switch
    {
        "NON_NULL" => TypeRef(type.GetProperty("ofType")) + "!",
        "LIST" => "[" + TypeRef(type.GetProperty("ofType")) + "]",
        _ => type.GetProperty("name").GetString()!,
    };
}
