using System.Text.Json;

namespace GraphBff;

/// <summary>A GraphQL request as the transport read it.</summary>
public sealed class GatewayRequest
{
    public string? Query { get; init; }

    public string? OperationName { get; init; }

    /// <summary>The <c>variables</c> object, or an undefined element when none were sent.</summary>
    public JsonElement Variables { get; init; }

    /// <summary>Operations this transport may run (GET may not run mutations).</summary>
    public bool AllowMutations { get; init; } = true;
}
