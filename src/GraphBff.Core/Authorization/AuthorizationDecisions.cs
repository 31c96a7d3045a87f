namespace GraphBff.Authorization;

/// <summary>One request's decisions on an operation's BEFORE_RESOLVER rules: part of the plan cache key.</summary>
internal readonly record struct AuthorizationDecisions(AuthorizeRule[] Points, ulong Allowed, bool Authenticated, IGraphBffAuthorizer Authorizer)
{
    public ulong Key => (Allowed & ~(1UL << 63)) | (Authenticated ? 1UL << 63 : 0);

    public bool IsAllowed(AuthorizeRule rule)
    {
        var index = Array.IndexOf(Points, rule);
        return index < 0 || index >= 63 || (Allowed & (1UL << index)) != 0;
    }
}
