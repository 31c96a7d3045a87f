namespace GraphBff.AspNetCore.Authorization;

/// <summary>
/// A policy from configuration (<c>GraphBff:Authorization:Policies:&lt;name&gt;</c>). Every condition given must hold;
/// when <see cref="AnyOf"/> is given, one of its policies must pass too.
/// </summary>
public sealed class PolicyOptions
{
    /// <summary>The caller must be authenticated; default true.</summary>
    public bool RequireAuthenticated { get; set; } = true;

    /// <summary>The caller must have one of these roles.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>For each claim type, the caller must have one of the listed values (an empty list: any value).</summary>
    public Dictionary<string, List<string>> Claims { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A resource rule: the caller's claim equals a field of the parent (e.g. <c>sub</c> equals <c>User.id</c>).</summary>
    public ClaimFieldOptions? ClaimEqualsField { get; set; }

    /// <summary>Alternatives: one must pass.</summary>
    public List<PolicyOptions> AnyOf { get; set; } = [];

    internal IEnumerable<string> ResourceFields() =>
        (ClaimEqualsField is { Field: { Length: > 0 } field } ? [field] : Enumerable.Empty<string>())
            .Concat(AnyOf.SelectMany(static p => p.ResourceFields()));
}
