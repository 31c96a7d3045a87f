using System.Net;
using System.Text.Json;
using GraphBff.Samples.Content;

namespace GraphBff.Samples.Tests;

public sealed class ContentAppTests(ContentServerFixture server) : IClassFixture<ContentServerFixture>
{
    [Fact]
    public void GetBaseAddress_ReturnsTheBoundLoopbackPort()
    {
        Assert.Equal("http://127.0.0.1:4002", ContentApp.DefaultUrl);
        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        Assert.NotEqual(0, server.BaseAddress.Port);
        Assert.Equal("http", server.BaseAddress.Scheme);
    }

    [Fact]
    public async Task Posts_WithoutLimit_ReturnsTheFirstTenPostsById()
    {
        using var response = await server.Client.GetAsync("/posts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = await ReadJsonAsync(response);
        var ids = json.RootElement.EnumerateArray().Select(post => post.GetProperty("id").GetString()).ToArray();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ids);
    }

    [Fact]
    public async Task Posts_HaveExactlyTheContractPropertiesInOrder()
    {
        using var response = await server.Client.GetAsync("/posts?limit=1");

        using var json = await ReadJsonAsync(response);
        var post = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(
            ["id", "title", "body", "authorId", "createdAt"],
            post.EnumerateObject().Select(property => property.Name));
        Assert.Equal("1", post.GetProperty("id").GetString());
        Assert.Equal("Post 1", post.GetProperty("title").GetString());
        Assert.Equal("Body of post 1.", post.GetProperty("body").GetString());
        Assert.Equal("1", post.GetProperty("authorId").GetString());
        Assert.Equal("2026-01-01T00:00:00Z", post.GetProperty("createdAt").GetString());
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("3", 3)]
    [InlineData("1000", 1000)]
    [InlineData("1001", 1000)]
    [InlineData("5000", 1000)]
    [InlineData("99999999999999999999", 1000)]
    public async Task Posts_WithLimit_ReturnsThatManyPostsClampedTo1000(string limit, int expectedCount)
    {
        using var response = await server.Client.GetAsync("/posts?limit=" + limit);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        var posts = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(expectedCount, posts.Length);
        if (expectedCount > 0)
        {
            Assert.Equal(expectedCount.ToString(System.Globalization.CultureInfo.InvariantCulture), posts[^1].GetProperty("id").GetString());
        }
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("")]
    public async Task Posts_WithInvalidLimit_Returns400WithError(string limit)
    {
        using var response = await server.Client.GetAsync("/posts?limit=" + Uri.EscapeDataString(limit));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = await ReadJsonAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Post_ById_ReturnsThatPost()
    {
        using var response = await server.Client.GetAsync("/posts/142");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        var post = json.RootElement;
        Assert.Equal("142", post.GetProperty("id").GetString());
        Assert.Equal("Post 142", post.GetProperty("title").GetString());
        Assert.Equal("42", post.GetProperty("authorId").GetString());
        Assert.Equal("2026-01-06T21:00:00Z", post.GetProperty("createdAt").GetString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("abc")]
    public async Task Post_Unknown_Returns404WithError(string id)
    {
        using var response = await server.Client.GetAsync("/posts/" + id);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = await ReadJsonAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Comments_OfAPost_AreItsFiveDeterministicComments()
    {
        using var response = await server.Client.GetAsync("/posts/3/comments");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        var comments = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(5, comments.Length);
        Assert.All(comments, comment => Assert.Equal(
            ["id", "postId", "authorId", "text"],
            comment.EnumerateObject().Select(property => property.Name)));
        Assert.Equal(["11", "12", "13", "14", "15"], comments.Select(comment => comment.GetProperty("id").GetString()));
        Assert.All(comments, comment => Assert.Equal("3", comment.GetProperty("postId").GetString()));

        // authorId = ((i*7 + j*13) % 200) + 1 with i = 3, j = 0..4
        Assert.Equal(["22", "35", "48", "61", "74"], comments.Select(comment => comment.GetProperty("authorId").GetString()));
        Assert.Equal("Comment 1 on post 3", comments[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Comments_OfTheLastPost_HaveTheLastCommentIds()
    {
        using var response = await server.Client.GetAsync("/posts/1000/comments");

        using var json = await ReadJsonAsync(response);
        Assert.Equal(
            ["4996", "4997", "4998", "4999", "5000"],
            json.RootElement.EnumerateArray().Select(comment => comment.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Comments_OfAnUnknownPost_Return404WithError()
    {
        using var response = await server.Client.GetAsync("/posts/1001/comments");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task UserPosts_OfAnAuthor_AreTheTenPostsWithThatAuthorId()
    {
        using var response = await server.Client.GetAsync("/users/5/posts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        var posts = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(
            ["5", "105", "205", "305", "405", "505", "605", "705", "805", "905"],
            posts.Select(post => post.GetProperty("id").GetString()));
        Assert.All(posts, post => Assert.Equal("5", post.GetProperty("authorId").GetString()));
    }

    [Theory]
    [InlineData("101")]
    [InlineData("200")]
    [InlineData("nobody")]
    public async Task UserPosts_OfAUserWithoutPosts_IsAnEmptyArray(string userId)
    {
        using var response = await server.Client.GetAsync($"/users/{userId}/posts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response) =>
        await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
}
