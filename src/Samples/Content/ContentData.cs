using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace GraphBff.Samples.Content;

/// <summary>
/// The deterministic data set of the content upstream, pre-serialized to UTF-8 JSON once so that
/// answering a request is a dictionary lookup plus a buffer copy.
/// </summary>
/// <remarks>
/// Data rules (i = 1..1000 is the post number, j = 0..4 the comment index within a post):
/// <list type="bullet">
/// <item>post i: id "i", title "Post i", body "Body of post i.", authorId ((i-1) % 100) + 1,
/// createdAt 2026-01-01T00:00:00Z plus (i-1) hours.</item>
/// <item>comment j of post i: id (i-1)*5 + j + 1, postId "i", authorId ((i*7 + j*13) % 200) + 1,
/// text "Comment j+1 on post i".</item>
/// </list>
/// </remarks>
internal sealed class ContentData
{
    public const int PostCount = 1000;
    public const int CommentsPerPost = 5;
    public const int AuthorCount = 100;
    public const int DefaultLimit = 10;
    public const int MaxLimit = PostCount;

    private static readonly DateTime FirstPostAt = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    // "[" + post1 + "," + post2 + ... + "," + post1000 + "]"
    private readonly byte[] _allPostsJson;

    // _postListEnds[n] = number of bytes of _allPostsJson that hold "[" and the first n posts (with separators).
    private readonly int[] _postListEnds;

    private readonly FrozenDictionary<string, byte[]> _postJsonById;
    private readonly FrozenDictionary<string, byte[]> _commentsJsonByPostId;
    private readonly FrozenDictionary<string, byte[]> _postsJsonByAuthorId;

    public ContentData()
    {
        var posts = CreatePosts();

        var postJson = new byte[posts.Length][];
        var byId = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < posts.Length; i++)
        {
            postJson[i] = JsonSerializer.SerializeToUtf8Bytes(posts[i], ContentJsonContext.Default.Post);
            byId.Add(posts[i].Id, postJson[i]);
        }

        _postJsonById = byId.ToFrozenDictionary(StringComparer.Ordinal);
        (_allPostsJson, _postListEnds) = Concatenate(postJson);

        var comments = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var post in posts)
        {
            comments.Add(post.Id, JsonSerializer.SerializeToUtf8Bytes(CreateComments(post), ContentJsonContext.Default.CommentArray));
        }

        _commentsJsonByPostId = comments.ToFrozenDictionary(StringComparer.Ordinal);

        var byAuthor = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var group in Enumerable.Range(0, posts.Length).GroupBy(index => posts[index].AuthorId, StringComparer.Ordinal))
        {
            byAuthor.Add(group.Key, Concatenate(group.Select(index => postJson[index]).ToArray()).Json);
        }

        _postsJsonByAuthorId = byAuthor.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static ReadOnlySpan<byte> EmptyArrayJson => "[]"u8;

    public static byte[] PostNotFoundJson { get; } = ErrorJson("post not found");

    public static byte[] InvalidLimitJson { get; } = ErrorJson("limit must be a non-negative integer");

    /// <summary>
    /// The JSON array of the first <paramref name="limit"/> posts, without its closing bracket
    /// (the caller appends "]"); <paramref name="limit"/> must be within 0..<see cref="MaxLimit"/>.
    /// </summary>
    public ReadOnlyMemory<byte> GetPostListWithoutClosingBracket(int limit) =>
        _allPostsJson.AsMemory(0, _postListEnds[limit]);

    public byte[]? GetPost(string id) => _postJsonById.GetValueOrDefault(id);

    public byte[]? GetComments(string postId) => _commentsJsonByPostId.GetValueOrDefault(postId);

    /// <summary>The posts written by the given user as a JSON array, or null when the user wrote none.</summary>
    public byte[]? GetPostsByAuthor(string userId) => _postsJsonByAuthorId.GetValueOrDefault(userId);

    public static Post[] CreatePosts()
    {
        var posts = new Post[PostCount];
        for (var i = 1; i <= PostCount; i++)
        {
            posts[i - 1] = new Post(
                Id: ToId(i),
                Title: "Post " + ToId(i),
                Body: "Body of post " + ToId(i) + ".",
                AuthorId: ToId(((i - 1) % AuthorCount) + 1),
                CreatedAt: FirstPostAt.AddHours(i - 1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        return posts;
    }

    public static Comment[] CreateComments(Post post)
    {
        var i = int.Parse(post.Id, NumberStyles.None, CultureInfo.InvariantCulture);
        var comments = new Comment[CommentsPerPost];
        for (var j = 0; j < CommentsPerPost; j++)
        {
            comments[j] = new Comment(
                Id: ToId(((i - 1) * CommentsPerPost) + j + 1),
                PostId: post.Id,
                AuthorId: ToId(((i * 7) + (j * 13)) % 200 + 1),
                Text: "Comment " + ToId(j + 1) + " on post " + post.Id);
        }

        return comments;
    }

    private static string ToId(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static byte[] ErrorJson(string message) =>
        JsonSerializer.SerializeToUtf8Bytes(new ErrorBody(message), ContentJsonContext.Default.ErrorBody);

    private static (byte[] Json, int[] Ends) Concatenate(byte[][] items)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var ends = new int[items.Length + 1];
        buffer.Write("["u8);
        ends[0] = buffer.WrittenCount;
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                buffer.Write(","u8);
            }

            buffer.Write(items[i]);
            ends[i + 1] = buffer.WrittenCount;
        }

        buffer.Write("]"u8);
        return (buffer.WrittenSpan.ToArray(), ends);
    }
}
