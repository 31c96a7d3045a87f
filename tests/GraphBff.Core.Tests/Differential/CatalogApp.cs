using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphBff.Core.Tests.Differential;

/// <summary>
/// The test-only "catalog" upstream: GraphQL.NET over Kestrel on 127.0.0.1, POST /graphql only, status 200 for every
/// GraphQL answer. It has an enum, two custom scalars, and deliberately invalid values (see <see cref="CatalogData"/>);
/// with items also an interface and a union (see <see cref="CatalogSchema"/>).
/// </summary>
internal static class CatalogApp
{
    private static readonly GraphQLSerializer s_serializer = new(indent: false);

    public static WebApplication Build(bool withItems, string url = "http://127.0.0.1:0")
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = "GraphBff.Core.Tests.Catalog",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.UseUrls(url);
        builder.Services.AddRoutingCore();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        var schema = new CatalogSchema(withItems);
        schema.Initialize();
        var executer = new DocumentExecuter();

        var app = builder.Build();
        app.Map("/graphql", async context =>
        {
            if (!HttpMethods.IsPost(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return;
            }

            var request = await s_serializer.ReadAsync<GraphQLRequest>(context.Request.Body, context.RequestAborted);
            var result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Schema = schema,
                Query = request?.Query,
                OperationName = request?.OperationName,
                Variables = request?.Variables,
                CancellationToken = context.RequestAborted,
            });
            context.Response.ContentType = "application/json";
            await s_serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
        });
        return app;
    }

    /// <summary>The bound base address, e.g. "http://127.0.0.1:54321"; valid after <c>StartAsync</c>.</summary>
    public static Uri GetBaseAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            var uri = new Uri(address);
            if (uri.Port != 0)
            {
                return new Uri(uri.GetLeftPart(UriPartial.Authority));
            }
        }

        throw new InvalidOperationException("The catalog is not listening yet.");
    }
}
