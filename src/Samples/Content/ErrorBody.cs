namespace GraphBff.Samples.Content;

/// <summary>The body of every non-2xx answer: <c>{"error":"…"}</c>.</summary>
internal sealed record ErrorBody(string Error);
