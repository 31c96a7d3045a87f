using System.Security.Claims;
using GraphBff.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace GraphBff.AspNetCore.Authorization;

/// <summary>Decides <c>@authorize</c> rules with <see cref="IAuthorizationService"/>: configured and C# policies alike.</summary>
internal sealed class AspNetCoreAuthorizer(IAuthorizationService authorization, IOptions<GraphBffAuthorizationOptions> options) : IGraphBffAuthorizer
{
    public async ValueTask<bool> AuthorizeAsync(ClaimsPrincipal user, AuthorizeRule rule, FieldResource? resource)
    {
        if (rule.Policy is { } policy)
        {
            var result = await authorization.AuthorizeAsync(user, resource, policy).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return false;
            }
        }
        else if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        return rule.Roles is not { Count: > 0 } roles || roles.Any(user.IsInRole);
    }

    public IReadOnlyList<string> ResourceFields(AuthorizeRule rule) =>
        rule.Policy is { } name && options.Value.Policies.TryGetValue(name, out var policy) ? [.. policy.ResourceFields().Distinct()] : [];
}
