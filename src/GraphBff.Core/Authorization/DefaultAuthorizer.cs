using System.Security.Claims;

namespace GraphBff.Authorization;

/// <summary>
/// Used when no ASP.NET Core authorization is wired: roles and "authenticated" are decided from the principal;
/// a named policy is denied, since nothing here can evaluate it.
/// </summary>
internal sealed class DefaultAuthorizer : IGraphBffAuthorizer
{
    public static readonly DefaultAuthorizer Instance = new();

    public ValueTask<bool> AuthorizeAsync(ClaimsPrincipal user, AuthorizeRule rule, FieldResource? resource)
    {
        if (user.Identity?.IsAuthenticated != true || rule.Policy is not null)
        {
            return ValueTask.FromResult(false);
        }

        if (rule.Roles is not { Count: > 0 } roles)
        {
            return ValueTask.FromResult(true);
        }

        foreach (var role in roles)
        {
            if (user.IsInRole(role))
            {
                return ValueTask.FromResult(true);
            }
        }

        return ValueTask.FromResult(false);
    }

    public IReadOnlyList<string> ResourceFields(AuthorizeRule rule) => [];
}
