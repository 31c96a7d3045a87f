using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

namespace GraphBff.HandWrittenClient;

/// <summary>
/// <c>{ posts(limit: 20) { id title author { id name } comments { id text author { name } } } }</c> by hand, in the
/// three waves of the scenario: GET /posts?limit=20; then at once the 20 comment lists and one accounts call for the
/// distinct post authors; then one accounts call for the distinct comment authors. Writes the same JSON the gateway
/// answers (<c>{"data":{"posts":[…]}}</c>).
/// </summary>
internal sealed class MediumEndpoint(HttpClient http, Uri accounts, Uri content)
{
    private const string PostAuthorsQuery = "query($ids: [ID!]!) { usersByIds(ids: $ids) { id name } }";
    private const string CommentAuthorsQuery = "query($ids: [ID!]!) { usersByIds(ids: $ids) { name } }";
    private static readonly MediaTypeHeaderValue s_json = new("application/json") { CharSet = "utf-8" };

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var documents = new List<JsonDocument>(24);
        try
        {
            // Wave 1: the posts.
            var posts = await GetAsync(new Uri(content, "posts?limit=20"), documents, cancellationToken).ConfigureAwait(false);

            // Wave 2: every post's comments, and the distinct post authors, all at once.
            var postAuthorIds = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var commentTasks = new Task<JsonElement>[posts.GetArrayLength()];
            var i = 0;
            foreach (var post in posts.EnumerateArray())
            {
                var id = post.GetProperty("id"u8).GetString()!;
                commentTasks[i++] = GetAsync(new Uri(content, "posts/" + Uri.EscapeDataString(id) + "/comments"), documents, cancellationToken);
                var authorId = post.GetProperty("authorId"u8).GetString()!;
                if (seen.Add(authorId))
                {
                    postAuthorIds.Add(authorId);
                }
            }

            var postAuthorsTask = UsersAsync(PostAuthorsQuery, postAuthorIds, documents, cancellationToken);
            await Task.WhenAll(commentTasks).ConfigureAwait(false);
            var postAuthors = await postAuthorsTask.ConfigureAwait(false);

            // Wave 3: the distinct comment authors.
            seen.Clear();
            var commentAuthorIds = new List<string>();
            foreach (var task in commentTasks)
            {
                foreach (var comment in task.Result.EnumerateArray())
                {
                    var authorId = comment.GetProperty("authorId"u8).GetString()!;
                    if (seen.Add(authorId))
                    {
                        commentAuthorIds.Add(authorId);
                    }
                }
            }

            var commentAuthors = await UsersAsync(CommentAuthorsQuery, commentAuthorIds, documents, cancellationToken).ConfigureAwait(false);

            var output = new ArrayBufferWriter<byte>(16 * 1024);
            Write(output, posts, commentTasks, postAuthors, commentAuthors);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = output.WrittenCount;
            await context.Response.Body.WriteAsync(output.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
        }
        finally
        {
            lock (documents)
            {
                foreach (var document in documents)
                {
                    document.Dispose();
                }
            }
        }
    }

    private static void Write(
        ArrayBufferWriter<byte> output,
        JsonElement posts,
        Task<JsonElement>[] comments,
        Dictionary<string, JsonElement> postAuthors,
        Dictionary<string, JsonElement> commentAuthors)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteStartObject("data"u8);
        writer.WriteStartArray("posts"u8);
        var i = 0;
        foreach (var post in posts.EnumerateArray())
        {
            writer.WriteStartObject();
            writer.WritePropertyName("id"u8);
            post.GetProperty("id"u8).WriteTo(writer);
            writer.WritePropertyName("title"u8);
            post.GetProperty("title"u8).WriteTo(writer);
            writer.WritePropertyName("author"u8);
            if (postAuthors.TryGetValue(post.GetProperty("authorId"u8).GetString()!, out var author) && author.ValueKind == JsonValueKind.Object)
            {
                writer.WriteStartObject();
                writer.WritePropertyName("id"u8);
                author.GetProperty("id"u8).WriteTo(writer);
                writer.WritePropertyName("name"u8);
                author.GetProperty("name"u8).WriteTo(writer);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteStartArray("comments"u8);
            foreach (var comment in comments[i++].Result.EnumerateArray())
            {
                writer.WriteStartObject();
                writer.WritePropertyName("id"u8);
                comment.GetProperty("id"u8).WriteTo(writer);
                writer.WritePropertyName("text"u8);
                comment.GetProperty("text"u8).WriteTo(writer);
                writer.WritePropertyName("author"u8);
                if (commentAuthors.TryGetValue(comment.GetProperty("authorId"u8).GetString()!, out var commenter) &&
                    commenter.ValueKind == JsonValueKind.Object)
                {
                    writer.WriteStartObject();
                    writer.WritePropertyName("name"u8);
                    commenter.GetProperty("name"u8).WriteTo(writer);
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteNullValue();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private async Task<JsonElement> GetAsync(Uri url, List<JsonDocument> documents, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await ReadAsync(response, documents, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One accounts call: <c>usersByIds</c> for the ids, answered in their order; the users by id.</summary>
    private async Task<Dictionary<string, JsonElement>> UsersAsync(
        string query, List<string> ids, List<JsonDocument> documents, CancellationToken cancellationToken)
    {
        var users = new Dictionary<string, JsonElement>(ids.Count, StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return users;
        }

        var body = new ArrayBufferWriter<byte>(256 + (ids.Count * 8));
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("query"u8, query);
            writer.WriteStartObject("variables"u8);
            writer.WriteStartArray("ids"u8);
            foreach (var id in ids)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, accounts)
        {
            Content = new ReadOnlyMemoryContent(body.WrittenMemory) { Headers = { ContentType = s_json } },
        };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var root = await ReadAsync(response, documents, cancellationToken).ConfigureAwait(false);
        var list = root.GetProperty("data"u8).GetProperty("usersByIds"u8);
        var i = 0;
        foreach (var user in list.EnumerateArray())
        {
            users[ids[i++]] = user;
        }

        return users;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, List<JsonDocument> documents, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
        lock (documents)
        {
            documents.Add(document);
        }

        return document.RootElement;
    }
}
