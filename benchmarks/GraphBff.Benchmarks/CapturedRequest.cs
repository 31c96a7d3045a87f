namespace GraphBff.Benchmarks;

/// <summary>One upstream request as the gateway sent it while recording (to replay the same calls without the engine).</summary>
internal sealed record CapturedRequest(ReplayHandler Handler, HttpMethod Method, Uri Url, byte[]? Body, string? ContentType);
