using GraphBff;
using GraphBff.AspNetCore;
using GraphBff.AspNetCore.Authorization;
using GraphBff.AspNetCore.Transport.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class GraphBffServiceCollectionExtensions
{
    /// <summary>Adds the gateway; configure sources here, with the builder, or under <c>GraphBff</c> in configuration.</summary>
    public static GraphBffBuilder AddGraphBff(this IServiceCollection services, Action<GraphBffOptions>? configure = null)
    {
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddAuthenticationCore();
        services.AddAuthorization();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, GraphBffPolicyHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Authorization.AuthorizationOptions>, GraphBffPolicySetup>());
        services.TryAddSingleton<AspNetCoreAuthorizer>();
        services.TryAddSingleton<GraphBffGatewayHolder>();
        services.TryAddSingleton<GraphBffHandlerFactory>();
        services.TryAddSingleton<GraphQLHttpHandler>();
        services.AddHostedService<GraphBffStartup>();
        return new GraphBffBuilder(services);
    }
}
