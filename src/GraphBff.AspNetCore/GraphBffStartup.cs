using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GraphBff.AspNetCore;

/// <summary>Composes the graph when the host starts; a bad schema or configuration stops start-up with its message.</summary>
internal sealed partial class GraphBffStartup(
    GraphBffGatewayHolder holder,
    IOptions<GraphBffOptions> options,
    GraphBffHandlerFactory handlers,
    ILogger<GraphBffStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var gateway = await GraphBffGateway.CreateAsync(
            options.Value,
            message => LogSchema(logger, message),
            handlers.Create,
            cancellationToken).ConfigureAwait(false);
        holder.Set(gateway);
        LogReady(logger, options.Value.Sources.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message}")]
    private static partial void LogSchema(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "GraphBff composed {Count} sources.")]
    private static partial void LogReady(ILogger logger, int count);
}
