namespace GraphBff.Planning;

internal enum PlanFieldKind
{
    /// <summary><c>__typename</c>: written by the gateway.</summary>
    Typename,

    /// <summary>Read from the parent object's upstream JSON.</summary>
    Property,

    /// <summary>Taken from a fetch's result (a root field, a join, an introspection answer).</summary>
    Fetch,

    /// <summary>Denied before any fetch: written as null with an authorization error.</summary>
    Denied,
}
