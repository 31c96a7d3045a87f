using System.Security.Claims;
using GraphBff.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace GraphBff.AspNetCore.Authorization;

/// <summary>Decides configured policies: claims and roles of the caller, and resource rules against the parent's data.</summary>
internal sealed class GraphBffPolicyHandler : AuthorizationHandler<GraphBffPolicyRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, GraphBffPolicyRequirement requirement)
    {
        if (Passes(requirement.Policy, context.User, context.Resource as FieldResource))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    internal static bool Passes(PolicyOptions policy, ClaimsPrincipal user, FieldResource? resource)
    {
        if (policy.RequireAuthenticated && user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        if (policy.Roles.Count > 0 && !policy.Roles.Any(user.IsInRole))
        {
            return false;
        }

        foreach (var (type, values) in policy.Claims)
        {
            if (!user.Claims.Any(c => c.Type == type && (values.Count == 0 || values.Contains(c.Value))))
            {
                return false;
            }
        }

        if (policy.ClaimEqualsField is { } rule)
        {
            var claim = user.FindFirst(rule.Claim)?.Value;
            var field = resource?.GetField(rule.Field);
            if (claim is null || field is null || claim != field)
            {
                return false;
            }
        }

        return policy.AnyOf.Count == 0 || policy.AnyOf.Any(p => Passes(p, user, resource));
    }
}
