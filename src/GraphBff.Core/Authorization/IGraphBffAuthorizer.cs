using System.Security.Claims;

namespace GraphBff.Authorization;

/// <summary>Decides <c>@authorize</c> rules; the ASP.NET Core package evaluates them with <c>IAuthorizationService</c>.</summary>
public interface IGraphBffAuthorizer
{
    /// <summary>Decides a rule for the caller; <paramref name="resource"/> is the parent's data for AFTER_RESOLVER rules.</summary>
    ValueTask<bool> AuthorizeAsync(ClaimsPrincipal user, AuthorizeRule rule, FieldResource? resource);

    /// <summary>The parent fields a policy reads from its resource, so that they are fetched even when not selected.</summary>
    IReadOnlyList<string> ResourceFields(AuthorizeRule rule);
}
