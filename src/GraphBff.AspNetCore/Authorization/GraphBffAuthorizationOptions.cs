namespace GraphBff.AspNetCore.Authorization;

/// <summary>Field authorization (<c>GraphBff:Authorization</c>).</summary>
public sealed class GraphBffAuthorizationOptions
{
    /// <summary>Policies by name, registered as ASP.NET Core authorization policies.</summary>
    public Dictionary<string, PolicyOptions> Policies { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Leave out of introspection the fields the caller may not read (BEFORE_RESOLVER rules); default false.</summary>
    public bool FilterIntrospection { get; set; }
}
