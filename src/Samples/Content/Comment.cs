namespace GraphBff.Samples.Content;

/// <summary>A comment on a post. Property order is the JSON order.</summary>
internal sealed record Comment(string Id, string PostId, string AuthorId, string Text);
