using System.Security.Claims;
using GraphBff.Authorization;

namespace GraphBff.Core.Tests;

/// <summary>Allows every rule: for tests of the data path that are not about authorization.</summary>
internal sealed class AllowAllAuthorizer : IGraphBffAuthorizer
{
    public static readonly AllowAllAuthorizer Instance = new();

    public ValueTask<bool> AuthorizeAsync(ClaimsPrincipal user, AuthorizeRule rule, FieldResource? resource) => ValueTask.FromResult(true);

    public IReadOnlyList<string> ResourceFields(AuthorizeRule rule) => [];
}
