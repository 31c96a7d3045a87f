using Microsoft.AspNetCore.Authorization;

namespace GraphBff.AspNetCore.Authorization;

/// <summary>The requirement a configured policy becomes; <see cref="GraphBffPolicyHandler"/> decides it.</summary>
public sealed class GraphBffPolicyRequirement(string name, PolicyOptions policy) : IAuthorizationRequirement
{
    public string Name { get; } = name;

    public PolicyOptions Policy { get; } = policy;
}
