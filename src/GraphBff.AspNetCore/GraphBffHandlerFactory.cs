namespace GraphBff.AspNetCore;

/// <summary>Makes the HTTP handler of each source's client; tests wrap it to record upstream calls.</summary>
public class GraphBffHandlerFactory
{
    public virtual HttpMessageHandler Create(SourceOptions source) => Sources.UpstreamClient.CreateHandler();
}
