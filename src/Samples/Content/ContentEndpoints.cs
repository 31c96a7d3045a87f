using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using Microsoft.Extensions.Primitives;

namespace GraphBff.Samples.Content;

/// <summary>Request handlers: plain <see cref="RequestDelegate"/>s writing pre-serialized bytes.</summary>
internal sealed class ContentEndpoints(ContentData data)
{
    private const string JsonContentType = "application/json";

    public RequestDelegate GetPostsAsync => context =>
    {
        if (!TryReadLimit(context.Request.Query["limit"], out var limit))
        {
            return WriteAsync(context, StatusCodes.Status400BadRequest, ContentData.InvalidLimitJson);
        }

        var head = data.GetPostListWithoutClosingBracket(limit);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        response.ContentLength = head.Length + 1;
        response.BodyWriter.Write(head.Span);
        response.BodyWriter.Write("]"u8);
        return FlushAsync(response.BodyWriter);
    };

    public RequestDelegate GetPostAsync => context =>
        data.GetPost(RouteId(context)) is { } json
            ? WriteAsync(context, StatusCodes.Status200OK, json)
            : WriteAsync(context, StatusCodes.Status404NotFound, ContentData.PostNotFoundJson);

    public RequestDelegate GetCommentsAsync => context =>
        data.GetComments(RouteId(context)) is { } json
            ? WriteAsync(context, StatusCodes.Status200OK, json)
            : WriteAsync(context, StatusCodes.Status404NotFound, ContentData.PostNotFoundJson);

    public RequestDelegate GetPostsByUserAsync => context =>
        data.GetPostsByAuthor(RouteId(context)) is { } json
            ? WriteAsync(context, StatusCodes.Status200OK, json)
            : WriteAsync(context, StatusCodes.Status200OK, ContentData.EmptyArrayJson);

    /// <summary>
    /// Missing → default 10; an integer above the maximum → clamped to 1000; negative, empty,
    /// repeated or non-integer → invalid.
    /// </summary>
    internal static bool TryReadLimit(StringValues values, out int limit)
    {
        limit = ContentData.DefaultLimit;
        if (values.Count == 0)
        {
            return true;
        }

        if (values.Count > 1 || values[0] is not { Length: > 0 } text)
        {
            return false;
        }

        var digits = text.AsSpan();
        if (digits[0] == '+')
        {
            digits = digits[1..];
        }

        if (digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9'))
        {
            // Covers negative numbers ("-1") as well as anything that is not an integer.
            return false;
        }

        // Any digit string too large for int is above the maximum anyway.
        limit = int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? Math.Min(parsed, ContentData.MaxLimit)
            : ContentData.MaxLimit;
        return true;
    }

    private static string RouteId(HttpContext context) => (string)context.Request.RouteValues["id"]!;

    private static Task WriteAsync(HttpContext context, int statusCode, ReadOnlySpan<byte> json)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = JsonContentType;
        response.ContentLength = json.Length;
        response.BodyWriter.Write(json);
        return FlushAsync(response.BodyWriter);
    }

    private static Task FlushAsync(PipeWriter writer)
    {
        var flush = writer.FlushAsync();
        return flush.IsCompletedSuccessfully ? Task.CompletedTask : AwaitFlushAsync(flush);

        static async Task AwaitFlushAsync(ValueTask<FlushResult> pending) => await pending;
    }
}
