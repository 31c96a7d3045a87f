using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace GraphBff.AspNetCore.Authorization;

/// <summary>Registers the configured policies as ASP.NET Core authorization policies.</summary>
internal sealed class GraphBffPolicySetup(IOptions<GraphBffAuthorizationOptions> options) : IConfigureOptions<AuthorizationOptions>
{
    public void Configure(AuthorizationOptions authorization)
    {
        foreach (var (name, policy) in options.Value.Policies)
        {
            authorization.AddPolicy(name, builder => builder.AddRequirements(new GraphBffPolicyRequirement(name, policy)));
        }
    }
}
