using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GraphBff.AspNetCore;

/// <summary>Composes the graph when the host starts; a bad schema or configuration stops start-up with its message.</summary>
internal sealed partial class GraphBffStartup(
    GraphBffGatewayHolder holder,
    IOptions<GraphBffOptions> options,
    GraphBffHandlerFactory handlers,
    Authorization.AspNetCoreAuthorizer authorizer,
    IOptions<Authorization.GraphBffAuthorizationOptions> authorizationOptions,
    Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider policies,
    ILogger<GraphBffStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var gateway = await GraphBffGateway.CreateAsync(
            options.Value,
            message => LogSchema(logger, message),
            handlers.Create,
            cancellationToken).ConfigureAwait(false);
        gateway.Authorizer = authorizer;
        gateway.FilterIntrospection = authorizationOptions.Value.FilterIntrospection;
        var missing = new List<string>();
        foreach (var (where, policy) in gateway.PolicyReferences())
        {
            if (await policies.GetPolicyAsync(policy).ConfigureAwait(false) is null)
            {
                missing.Add($"{where} names policy '{policy}', which is neither under GraphBff:Authorization:Policies nor added in C#.");
            }
        }

        if (missing.Count > 0)
        {
            gateway.Dispose();
            throw new GraphBffConfigurationException(string.Join(Environment.NewLine, missing));
        }

        holder.Set(gateway);
        LogReady(logger, options.Value.Sources.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message}")]
    private static partial void LogSchema(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "GraphBff composed {Count} sources.")]
    private static partial void LogReady(ILogger logger, int count);
}
