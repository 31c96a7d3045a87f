namespace GraphBff.AspNetCore;

/// <summary>Holds the gateway once start-up has composed it (composition introspects upstreams, so it is async).</summary>
internal sealed class GraphBffGatewayHolder : IDisposable
{
    private GraphBffGateway? _gateway;

    public GraphBffGateway Gateway => _gateway ?? throw new InvalidOperationException("The gateway has not started yet.");

    public bool IsReady => _gateway is not null;

    public void Set(GraphBffGateway gateway) => _gateway = gateway;

    public void Dispose() => _gateway?.Dispose();
}
