namespace GraphBff.Authorization;

/// <summary>
/// One <c>@authorize</c>: a named policy, or roles (any one suffices), or neither (an authenticated caller).
/// Several rules on one field must all pass.
/// </summary>
public sealed record AuthorizeRule(string? Policy, IReadOnlyList<string>? Roles, ApplyPolicy Apply)
{
    public bool Equals(AuthorizeRule? other) =>
        other is not null && Policy == other.Policy && Apply == other.Apply &&
        (Roles ?? []).SequenceEqual(other.Roles ?? []);

    public override int GetHashCode() => HashCode.Combine(Policy, Apply, Roles is null ? 0 : string.Join(",", Roles).GetHashCode(StringComparison.Ordinal));

    public override string ToString() =>
        Policy is not null ? $"policy '{Policy}'" : Roles is { Count: > 0 } ? $"roles {string.Join(", ", Roles)}" : "an authenticated caller";
}
