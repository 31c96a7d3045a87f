namespace GraphBff.Samples.Content;

/// <summary>A blog post as served by the content upstream. Property order is the JSON order.</summary>
internal sealed record Post(string Id, string Title, string Body, string AuthorId, string CreatedAt);
