namespace GraphBff;

/// <summary>The HTTP status a transport should answer with (the body is already written).</summary>
public readonly record struct GatewayResult(int StatusCode);
