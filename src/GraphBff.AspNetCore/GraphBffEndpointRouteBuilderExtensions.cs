using GraphBff.AspNetCore.Transport.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

public static class GraphBffEndpointRouteBuilderExtensions
{
    /// <summary>Serves the graph at <paramref name="pattern"/> (GraphQL over HTTP: GET and POST).</summary>
    public static IEndpointConventionBuilder MapGraphBff(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
    {
        var handler = endpoints.ServiceProvider.GetRequiredService<GraphQLHttpHandler>();
        return endpoints.Map(pattern, handler.HandleAsync);
    }
}
