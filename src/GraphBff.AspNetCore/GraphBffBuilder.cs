using Microsoft.Extensions.DependencyInjection;

namespace GraphBff.AspNetCore;

/// <summary>Chains source registrations after <c>AddGraphBff()</c>.</summary>
public sealed class GraphBffBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;

    public GraphBffBuilder AddGraphQLSource(string name, string url, Action<SourceOptions>? configure = null) =>
        AddSource(name, SourceKind.GraphQL, url, configure);

    public GraphBffBuilder AddRestSource(string name, string url, Action<SourceOptions>? configure = null) =>
        AddSource(name, SourceKind.Rest, url, configure);

    /// <summary>Checks bearer tokens from these providers (JWKS URL or OIDC authority, issuer, audiences, algorithms, role claim).</summary>
    public GraphBffBuilder AddTokenProviders(Authentication.GraphBffAuthenticationOptions options)
    {
        Authentication.GraphBffAuthenticationExtensions.AddTokenProviders(Services, options);
        return this;
    }

    private GraphBffBuilder AddSource(string name, SourceKind kind, string url, Action<SourceOptions>? configure)
    {
        Services.Configure<GraphBffOptions>(options =>
        {
            var source = new SourceOptions { Name = name, Kind = kind, Url = url };
            configure?.Invoke(source);
            options.Sources[name] = source;
        });
        return this;
    }
}
