namespace GraphBff.Authorization;

/// <summary>When an <c>@authorize</c> rule is decided (Hot Chocolate's semantics).</summary>
public enum ApplyPolicy
{
    /// <summary>Before any fetch: a denied field is never requested upstream.</summary>
    BeforeResolver,

    /// <summary>With the parent's data as the resource: the field is fetched, and removed when denied.</summary>
    AfterResolver,

    /// <summary>The whole operation is rejected when denied.</summary>
    Validation,
}
